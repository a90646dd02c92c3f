#include "canvas/clusterscene.h"

#include <algorithm>
#include <utility>

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>

#include "canvas/cardkeys.h"
#include "canvas/dragcontroller.h"
#include "canvas/edgeitem.h"
#include "canvas/layouttransition.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyitems.h"

namespace topograph {

namespace {

constexpr qreal kSceneMargin = 48;

} // namespace

ClusterScene::ClusterScene(QObject* parent)
    : QGraphicsScene(parent)
    , m_items(std::make_unique<TopologyItems>(this,
          QSizeF(layoutOptions().nodeWidth, layoutOptions().nodeHeight),
          QSizeF(layoutOptions().gridColumnGap, layoutOptions().siblingGap)))
    , m_transition(new LayoutTransition(this))
    , m_drag(new DragController(this, m_items.get(), this))
{
    m_items->aboutToRemove = [this](NodeItem* node) { aboutToRemove(node); };
    connect(m_drag, &DragController::dragStarted, this, &ClusterScene::dragStarted);
    connect(m_drag, &DragController::dropRequested, this, &ClusterScene::dropRequested);
    connect(m_drag, &DragController::dragCancelled, this, &ClusterScene::dragCancelled);
    connect(m_drag, &DragController::dragRefused, this, &ClusterScene::dragRefused);
    connect(m_drag, &DragController::dropRefused, this, &ClusterScene::dropRefused);
    connect(m_transition, &LayoutTransition::finished, this, [this] {
        setItemIndexMethod(QGraphicsScene::BspTreeIndex); // fast hit tests for dragging again
        updateSceneRect();
        if (!m_relayouting) {
            Q_EMIT layoutSettled();
        }
    });
    // The view clears the selection itself after a click on empty background.
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_changingSelection) {
            return;
        }
        const NodeItem* node = m_selected ? m_items->node(*m_selected) : nullptr;
        if (m_selected && (!node || !node->isSelected())) {
            m_selected.reset();
            Q_EMIT selectionCleared();
        }
    });
    updateSceneRect();
}

ClusterScene::~ClusterScene()
{
    const QSignalBlocker blocker(this); // receivers may be half destroyed
    const QSignalBlocker dragBlocker(m_drag);
    m_drag->cancel();
    m_transition->stop();
    m_items.reset(); // before QGraphicsScene deletes items in no particular order
}

LayoutOptions ClusterScene::layoutOptions()
{
    LayoutOptions options;
    options.nodeWidth = 256; // a long FQDN host:port and the lag badge on one line
    options.nodeHeight = 74; // three rows: name, key or problem, chips and data age
    options.levelGap = 96; // room for the "+7" pill and the edge curve
    options.siblingGap = 18;
    // Many leaf replicas wrap into a grid that fits the canvas at a readable zoom: between the
    // two docks the canvas is about as high as it is wide. The column gaps hold an edge's way up
    // and its arrowhead.
    options.gridMinLeaves = 7;
    options.gridAspect = 1.0;
    options.gridColumnGap = 48;
    return options;
}

void ClusterScene::setTopology(const QList<InstanceRecord>& records,
    const QHash<InstanceKey, QString>& instanceAliases, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    m_records = records;
    m_recordIndex.clear();
    m_recordIndex.reserve(records.size());
    // TreeLayout draws the first record of a repeated key: so does the card.
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        m_recordIndex.insert(records.at(i).key, i);
    }
    m_aliases = instanceAliases;
    m_now = now;
    m_thresholds = thresholds;
    relayout(true);
}

const InstanceRecord* ClusterScene::record(const InstanceKey& key) const
{
    const auto at = m_recordIndex.constFind(key);
    return at == m_recordIndex.cend() ? nullptr : &m_records.at(*at);
}

void ClusterScene::clear()
{
    m_drag->cancel();
    m_transition->stop();
    m_items->clear();
    m_records.clear();
    m_recordIndex.clear();
    m_layout = {};
    m_parents.clear();
    setSelected(std::nullopt);
    updateSceneRect();
}

void ClusterScene::setAnimationDuration(int ms)
{
    m_transition->setDuration(ms);
}

int ClusterScene::animationDuration() const
{
    return m_transition->duration();
}

bool ClusterScene::isAnimating() const
{
    return m_transition->isRunning();
}

void ClusterScene::setCollapsed(const InstanceKey& key, bool collapsed)
{
    if (collapsed == m_collapsed.contains(key)) {
        return;
    }
    if (collapsed) {
        m_collapsed.insert(key);
    } else {
        m_collapsed.remove(key);
    }
    relayout(false);
    Q_EMIT collapseToggled(key, collapsed);
}

bool ClusterScene::isCollapsed(const InstanceKey& key) const
{
    return m_collapsed.contains(key);
}

void ClusterScene::setCollapsedSet(const QSet<InstanceKey>& keys)
{
    if (keys != m_collapsed) {
        m_collapsed = keys;
        relayout(false);
    }
}

NodeItem* ClusterScene::nodeItem(const InstanceKey& key) const
{
    return m_items->node(key);
}

QList<InstanceKey> ClusterScene::keys() const
{
    QList<InstanceKey> keys = m_items->nodes().keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

EdgeItem* ClusterScene::edgeItem(const InstanceKey& a, const InstanceKey& b) const
{
    EdgeItem* edge = m_items->edge(a, b);
    return edge ? edge : m_items->edge(b, a);
}

QList<EdgeItem*> ClusterScene::edgeItems() const
{
    return m_items->edges();
}

QRectF ClusterScene::layoutRect() const
{
    if (m_layout.nodes.isEmpty()) {
        return {};
    }
    // The right margin also holds the "+7" pill of collapsed cards in the last column.
    return m_layout.bounds.adjusted(-kSceneMargin, -kSceneMargin, 2 * kSceneMargin, kSceneMargin);
}

std::optional<InstanceKey> ClusterScene::mainRoot() const
{
    // TreeLayout places the main tree first, in the top slots: its root is above other roots.
    std::optional<InstanceKey> root;
    qreal top = 0;
    for (auto it = m_layout.nodes.cbegin(); it != m_layout.nodes.cend(); ++it) {
        if (!m_parents.contains(it.key()) && (!root || it.value().top() < top)) {
            root = it.key();
            top = it.value().top();
        }
    }
    return root;
}

std::optional<InstanceKey> ClusterScene::parentOf(const InstanceKey& key) const
{
    const auto it = m_parents.constFind(key);
    return it == m_parents.cend() ? std::nullopt : std::optional<InstanceKey>(*it);
}

void ClusterScene::relayout(bool recordsChanged)
{
    Q_EMIT layoutChanging(m_items->nodes().isEmpty() ? QRectF() : m_layout.bounds);
    m_relayouting = true;
    LayoutOptions options = layoutOptions();
    options.collapsed = m_collapsed;
    m_layout = TreeLayout::layout(m_records, options);
    computeParents();
    m_items->sync({ m_layout, m_parents, m_records, m_recordIndex, m_aliases, m_now, m_thresholds,
        recordsChanged });
    if (!m_fakeLag.isEmpty() || !m_ghosts.isEmpty() || !m_analysis.isEmpty()) {
        for (NodeItem* node : m_items->nodes()) {
            node->setFakeLag(m_fakeLag.contains(node->key()));
            node->setGhostReason(m_ghosts.value(node->key()));
            node->setAnalysis(m_analysis.value(node->key()));
        }
    }
    for (NodeItem* node : m_items->nodes()) {
        applyPromotionRule(node);
    }
    m_drag->applyDropTargets();
    QHash<QGraphicsItem*, QPointF> targets;
    targets.reserve(m_layout.nodes.size());
    for (auto it = m_items->nodes().cbegin(); it != m_items->nodes().cend(); ++it) {
        targets.insert(it.value(), m_layout.nodes.value(it.key()).topLeft());
    }
    m_transition->start(targets); // moves from where the cards are now, even mid-animation
    if (m_transition->isRunning()) {
        // Every step moves many items: a BSP index would be rebuilt each frame for nothing.
        setItemIndexMethod(QGraphicsScene::NoIndex);
    }
    updateSceneRect();
    if (m_selected && !m_items->node(*m_selected)) {
        setSelected(std::nullopt);
    }
    m_relayouting = false;
    if (!m_transition->isRunning()) {
        Q_EMIT layoutSettled();
    }
}

// Each co-master pair has an edge both ways; the partner drawn left of the other is its parent.
void ClusterScene::computeParents()
{
    m_parents.clear();
    for (const LayoutEdge& edge : std::as_const(m_layout.edges)) {
        if (!edge.coMaster) {
            m_parents.insert(edge.to, edge.from);
        }
    }
    for (const LayoutEdge& edge : std::as_const(m_layout.edges)) {
        if (edge.coMaster && !m_parents.contains(edge.to)
            && m_layout.nodes.value(edge.from).left() < m_layout.nodes.value(edge.to).left()) {
            m_parents.insert(edge.to, edge.from);
        }
    }
}

void ClusterScene::updateSceneRect()
{
    if (m_items->nodes().isEmpty()) {
        setSceneRect(QRectF(0, 0, 1, 1));
        return;
    }
    QRectF bounds = layoutRect();
    for (QGraphicsItem* item : m_transition->movingItems()) {
        bounds = bounds.united(item->sceneBoundingRect()); // where the animation starts
    }
    setSceneRect(bounds);
}

void ClusterScene::aboutToRemove(NodeItem* node)
{
    m_transition->forget(node);
    m_drag->aboutToRemove(node);
}

void ClusterScene::setSelected(std::optional<InstanceKey> key)
{
    if (key && !m_items->node(*key)) {
        return;
    }
    if (key == m_selected) {
        return;
    }
    const std::optional<InstanceKey> previous = std::exchange(m_selected, key);
    m_changingSelection = true; // one signal below, not the handler's of selectionChanged
    if (NodeItem* old = previous ? m_items->node(*previous) : nullptr) {
        old->setSelected(false);
    }
    if (m_selected) {
        m_items->node(*m_selected)->setSelected(true);
    }
    m_changingSelection = false;
    if (m_selected) {
        Q_EMIT instanceSelected(*m_selected);
    } else {
        Q_EMIT selectionCleared();
    }
}

void ClusterScene::selectInstance(const InstanceKey& key)
{
    setSelected(key);
}

void ClusterScene::setDragEnabled(bool enabled, const QString& reasonWhenDisabled)
{
    m_drag->setEnabled(enabled, reasonWhenDisabled);
}

bool ClusterScene::isDragEnabled() const
{
    return m_drag->isEnabled();
}

void ClusterScene::setDropTargets(const QHash<InstanceKey, DropTarget>& targets)
{
    m_drag->setDropTargets(targets);
}

void ClusterScene::clearDropTargets()
{
    m_drag->clearDropTargets();
}

bool ClusterScene::isDragging() const
{
    return m_drag->isDragging();
}

std::optional<InstanceKey> ClusterScene::draggedKey() const
{
    return m_drag->draggedKey();
}

void ClusterScene::cancelDrag()
{
    m_drag->cancel();
}

void ClusterScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_drag->isDragging()) {
        event->accept(); // a second button during a drag changes nothing
        return;
    }
    NodeItem* card = NodeItem::at(this, event->scenePos());
    if (!card) {
        event->ignore(); // the view pans, and clears the selection on a click
        return;
    }
    event->accept();
    if (event->button() == Qt::LeftButton
        && card->collapseToggleContains(card->mapFromScene(event->scenePos()))) {
        setCollapsed(card->key(), !isCollapsed(card->key()));
        return;
    }
    setSelected(card->key());
    if (event->button() == Qt::LeftButton) {
        m_drag->press(card, event->scenePos(), event->screenPos());
    }
}

void ClusterScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_drag->move(event->scenePos(), event->screenPos())) {
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event); // hover, tooltips
}

void ClusterScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_drag->release(event->scenePos())) {
        event->accept();
        return;
    }
    event->setAccepted(NodeItem::at(this, event->scenePos()) != nullptr);
}

void ClusterScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    NodeItem* card = NodeItem::at(this, event->scenePos());
    if (!card || event->button() != Qt::LeftButton || m_drag->isDragging()) {
        event->setAccepted(card != nullptr);
        return;
    }
    event->accept();
    // The second press of a double click: anywhere on a card with replicas (the box included,
    // whose first press toggled already) toggles once more.
    setSelected(card->key());
    if (card->hasChildren()) {
        setCollapsed(card->key(), !isCollapsed(card->key()));
    }
}

void ClusterScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    if (m_drag->isDragging()) {
        event->accept();
        return;
    }
    NodeItem* card = nullptr;
    QPoint screenPos = event->screenPos();
    if (event->reason() == QGraphicsSceneContextMenuEvent::Keyboard && m_selected) {
        // The menu key: open at the selected card rather than wherever the pointer is.
        card = m_items->node(*m_selected);
        if (card) {
            screenPos = screenCentreOf(card);
        }
    } else {
        card = NodeItem::at(this, event->scenePos());
    }
    if (!card) {
        event->ignore();
        return;
    }
    event->accept();
    setSelected(card->key());
    Q_EMIT contextMenuRequested(card->key(), screenPos);
}

void ClusterScene::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_drag->isDragging()) {
        m_drag->cancel();
        event->accept();
        return;
    }
    const CardKeys::Answer answer = m_drag->isDragging() || !m_selected
        ? CardKeys::Answer {}
        : CardKeys::of(*event, m_layout, m_parents, *m_selected);
    switch (answer.action) {
    case CardKeys::Action::None:
        QGraphicsScene::keyPressEvent(event);
        return;
    case CardKeys::Action::Stay:
        break;
    case CardKeys::Action::Select:
        setSelected(*answer.key);
        if (const NodeItem* card = m_items->node(*answer.key)) {
            for (QGraphicsView* view : views()) {
                view->ensureVisible(card->sceneBoundingRect(), 48, 48);
            }
        }
        break;
    case CardKeys::Action::Activate:
        Q_EMIT instanceActivated(*m_selected);
        break;
    case CardKeys::Action::ContextMenu:
        // Open at the selected card, not wherever the pointer is.
        Q_EMIT contextMenuRequested(*m_selected, screenCentreOf(m_items->node(*m_selected)));
        break;
    }
    event->accept();
}

QPoint ClusterScene::screenCentreOf(const NodeItem* card) const
{
    const QList<QGraphicsView*> shown = views();
    if (!card || shown.isEmpty()) {
        return {};
    }
    QGraphicsView* view = shown.constFirst();
    return view->viewport()->mapToGlobal(view->mapFromScene(card->sceneBoundingRect().center()));
}

} // namespace topograph
