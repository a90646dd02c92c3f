#pragma once

#include <QHash>
#include <QObject>
#include <QPair>
#include <QPointF>

class QGraphicsItem;
class QVariantAnimation;

namespace topograph {

// Moves canvas items to new positions over a short eased animation. One animation drives every
// item (thousands of QPropertyAnimations would cost more than the moves). A new start() while
// running begins where the items are now, so a poll arriving mid-move never makes cards jump.
class LayoutTransition final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayoutTransition)

public:
    explicit LayoutTransition(QObject* parent = nullptr);

    void setDuration(int ms); // 0: start() moves at once
    int duration() const { return m_duration; }
    bool isRunning() const;

    // Moves each item from its current position to its target.
    void start(const QHash<QGraphicsItem*, QPointF>& targets);
    void forget(QGraphicsItem* item); // the item is about to be deleted
    void stop(); // leaves the items where they are
    QList<QGraphicsItem*> movingItems() const { return m_moves.keys(); }

Q_SIGNALS:
    void finished(); // every item is at its target

private:
    void step(qreal progress);

    QVariantAnimation* m_animation;
    int m_duration = 250;
    QHash<QGraphicsItem*, QPair<QPointF, QPointF>> m_moves; // from, to
};

} // namespace topograph
