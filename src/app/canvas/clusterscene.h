#pragma once

#include <QDateTime>
#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

#include "canvas/cardpainter.h"
#include "canvas/droptarget.h"
#include "instancekey.h"
#include "probe/instancerecord.h"
#include "promotion/promotionrule.h"
#include "topology/instancestatus.h"
#include "topology/treelayout.h"

namespace topograph {

class DragController;
class EdgeItem;
class LayoutTransition;
class NodeItem;
class TopologyItems;

// The cluster canvas (DESIGN §10): one cluster as a left-to-right tree of cards joined by edges
// coloured by replication health. Positions come from TreeLayout with the scene's collapsed set;
// a new topology moves the cards that stay (animated), adds new ones and drops the gone ones,
// updating items in place so the selection and item pointers survive polling.
//
// Dragging a card is done with the scene's own mouse handling, not QDrag (whose nested event loop
// offscreen tests cannot drive): press on a card and move past the start distance; the handler
// of dragStarted() colours the other cards with setDropTargets(); releasing over a Valid or
// Warning card emits dropRequested(), anything else dragCancelled(). Escape cancels.
class ClusterScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterScene)

public:
    explicit ClusterScene(QObject* parent = nullptr);
    ~ClusterScene() override;

    // Card size and gaps given to TreeLayout (the collapsed set is added per layout).
    static LayoutOptions layoutOptions();

    // The record of key drawn now, or nullptr (the first of a repeated key, as drawn).
    const InstanceRecord* record(const InstanceKey& key) const;
    void setTopology(const QList<topograph::InstanceRecord>& records,
        const QHash<topograph::InstanceKey, QString>& instanceAliases, const QDateTime& now,
        const topograph::InstanceStatus::Thresholds& thresholds);
    void clear(); // no cluster shown

    void setAnimationDuration(int ms); // 0 jumps (tests)
    int animationDuration() const;
    bool isAnimating() const;

    void setCollapsed(const topograph::InstanceKey& key, bool collapsed);
    bool isCollapsed(const topograph::InstanceKey& key) const;
    QSet<InstanceKey> collapsed() const { return m_collapsed; }
    void setCollapsedSet(const QSet<InstanceKey>& keys); // no collapseToggled() signals

    NodeItem* nodeItem(const topograph::InstanceKey& key) const; // nullptr if not shown
    QList<topograph::InstanceKey> keys() const; // shown cards, sorted
    // The edge between two cards, either way round; nullptr if none is drawn.
    EdgeItem* edgeItem(const topograph::InstanceKey& a, const topograph::InstanceKey& b) const;
    QList<EdgeItem*> edgeItems() const;
    const LayoutResult& layoutResult() const { return m_layout; }
    // The layout's bounds with the scene's margins: the scene rect once the cards have settled.
    QRectF layoutRect() const;
    // The main tree's root card (the parentless card drawn highest); nullopt when none is shown.
    std::optional<InstanceKey> mainRoot() const;
    // The drawn parent: the non-co-master edge into key if any, else a co-master partner drawn
    // to its left; nullopt for a root or a key not shown.
    std::optional<InstanceKey> parentOf(const InstanceKey& key) const;

    void setDragEnabled(bool enabled, const QString& reasonWhenDisabled = {});
    bool isDragEnabled() const;
    void setDropTargets(const QHash<topograph::InstanceKey, topograph::DropTarget>& targets);
    void clearDropTargets();
    bool isDragging() const;
    std::optional<InstanceKey> draggedKey() const;
    void cancelDrag(); // emits dragCancelled() if a drag runs

    void selectInstance(const topograph::InstanceKey& key); // clears the others
    // The instances with stale heartbeat rows (fake lag): a problem glyph on their cards.
    void setFakeLag(const QSet<InstanceKey>& keys);
    // The instances of ghost clusters, with the reason: a ghost glyph on their cards.
    void setGhosts(const QHash<InstanceKey, QString>& reasons);
    // The replication analysis's findings per instance ("Code: description" lines): a glyph on
    // their cards and the lines in their tooltips.
    void setAnalysis(const QHash<InstanceKey, QStringList>& findings);
    // The registered promotion rules: a glyph on those cards, and a line in their tooltips.
    void setPromotionRules(const PromotionRuleMap& rules);
    // The lag of the last minutes on each shown card (keys not shown are ignored).
    void setSparklines(const QHash<InstanceKey, CardPainter::Sparkline>& sparklines);
    std::optional<InstanceKey> selectedInstance() const { return m_selected; }

Q_SIGNALS:
    // The selected card changed: a click, a right-click, a double-click or selectInstance().
    void instanceSelected(const topograph::InstanceKey& key);
    // No card is selected any more: a click on empty background, clear(), or the selected
    // instance left the topology or was hidden by collapsing.
    void selectionCleared();
    // A drag began; the receiver calls setDropTargets() before it returns (or cancelDrag()).
    void dragStarted(const topograph::InstanceKey& key);
    // Released over a Valid or Warning card; the verdicts are already cleared.
    void dropRequested(const topograph::InstanceKey& dragged, const topograph::InstanceKey& target);
    // Released elsewhere, on a Refused or None card, Escape, cancelDrag(), clear(), or the dragged
    // instance left the topology.
    void dragCancelled();
    // Released over a Refused card (after dragCancelled()): the planner's reason, to be shown.
    void dropRefused(const topograph::InstanceKey& dragged, const topograph::InstanceKey& target,
        const QString& reason);
    // Enter (or Return) on the selected card: show its details.
    void instanceActivated(const topograph::InstanceKey& key);
    // A card was pressed and moved while dragging is disabled (once per press).
    void dragRefused(const QString& reason);
    // Right-click (or the menu key, for the selected card); the card is selected first.
    void contextMenuRequested(const topograph::InstanceKey& key, const QPoint& screenPos);
    // setCollapsed() changed the state: the +/- box, a double-click or a call.
    void collapseToggled(const topograph::InstanceKey& key, bool collapsed);
    // A new layout is about to be applied (new records or collapsing); previousBounds are the
    // old layout's bounds, null when nothing was shown. The cards have not moved yet.
    void layoutChanging(const QRectF& previousBounds);
    // The cards reached their layout positions: at once, or when the re-layout animation ends.
    void layoutSettled();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void relayout(bool recordsChanged);
    void computeParents();
    void updateSceneRect();
    void aboutToRemove(NodeItem* node);
    void setSelected(std::optional<InstanceKey> key);
    QPoint screenCentreOf(const NodeItem* card) const; // for menus opened from the keyboard
    void applyPromotionRule(NodeItem* node) const;

    QList<InstanceRecord> m_records;
    QHash<InstanceKey, qsizetype> m_recordIndex;
    QHash<InstanceKey, QString> m_aliases;
    QDateTime m_now;
    InstanceStatus::Thresholds m_thresholds;
    QSet<InstanceKey> m_collapsed;
    QSet<InstanceKey> m_fakeLag; // kept for cards made later
    QHash<InstanceKey, QString> m_ghosts; // likewise
    QHash<InstanceKey, QStringList> m_analysis; // likewise
    PromotionRuleMap m_promotionRules; // likewise
    LayoutResult m_layout;
    QHash<InstanceKey, InstanceKey> m_parents; // drawn parent by child

    std::unique_ptr<TopologyItems> m_items;
    LayoutTransition* m_transition;
    DragController* m_drag;
    std::optional<InstanceKey> m_selected;
    bool m_changingSelection = false;
    bool m_relayouting = false; // layoutSettled() is emitted by relayout() itself
};

} // namespace topograph
