#include "canvas/layouttransition.h"

#include <algorithm>

#include <QGraphicsItem>
#include <QVariantAnimation>

namespace topograph {

LayoutTransition::LayoutTransition(QObject* parent)
    : QObject(parent)
    , m_animation(new QVariantAnimation(this))
{
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
        [this](const QVariant& value) { step(value.toReal()); });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        step(1.0); // exactly at the targets, whatever the last frame's time was
        m_moves.clear();
        Q_EMIT finished();
    });
}

void LayoutTransition::setDuration(int ms)
{
    m_duration = std::max(0, ms);
}

bool LayoutTransition::isRunning() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void LayoutTransition::start(const QHash<QGraphicsItem*, QPointF>& targets)
{
    m_animation->stop();
    m_moves.clear();
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (it.key()->pos() != it.value()) {
            m_moves.insert(it.key(), { it.key()->pos(), it.value() });
        }
    }
    if (m_moves.isEmpty()) {
        return;
    }
    if (m_duration == 0) {
        step(1.0);
        m_moves.clear();
        Q_EMIT finished();
        return;
    }
    m_animation->setDuration(m_duration);
    m_animation->start();
}

void LayoutTransition::forget(QGraphicsItem* item)
{
    m_moves.remove(item);
}

void LayoutTransition::stop()
{
    m_animation->stop();
    m_moves.clear();
}

void LayoutTransition::step(qreal progress)
{
    for (auto it = m_moves.cbegin(); it != m_moves.cend(); ++it) {
        const auto& [from, to] = it.value();
        it.key()->setPos(progress >= 1.0 ? to : from + (to - from) * progress);
    }
}

} // namespace topograph
