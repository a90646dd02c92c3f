#include "canvas/dragcontroller.h"

#include <QApplication>
#include <QGraphicsScene>

#include "canvas/dragsession.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyitems.h"

namespace topograph {

DragController::DragController(QGraphicsScene* scene, const TopologyItems* items, QObject* parent)
    : QObject(parent)
    , m_scene(scene)
    , m_items(items)
{ }

DragController::~DragController() = default;

void DragController::setEnabled(bool enabled, const QString& reasonWhenDisabled)
{
    m_enabled = enabled;
    m_disabledReason = reasonWhenDisabled;
    if (!enabled) {
        cancel();
    }
}

void DragController::setDropTargets(const QHash<InstanceKey, DropTarget>& targets)
{
    m_targets = targets;
    applyDropTargets();
}

void DragController::clearDropTargets()
{
    m_targets.clear();
    applyDropTargets();
}

void DragController::applyDropTargets()
{
    const NodeItem* source = m_session ? m_session->source() : nullptr;
    for (NodeItem* node : m_items->nodes()) {
        const DropTarget target = node == source ? DropTarget {} : m_targets.value(node->key());
        node->setDropVerdict(target.verdict, target.reason);
    }
    if (m_session) {
        m_session->refresh();
    }
}

std::optional<InstanceKey> DragController::draggedKey() const
{
    return m_session ? std::optional<InstanceKey>(m_session->key()) : std::nullopt;
}

void DragController::press(const NodeItem* card, const QPointF& scenePos, const QPoint& screenPos)
{
    if (!m_session) {
        m_press = Press { card->key(), card->mapFromScene(scenePos), screenPos };
    }
}

bool DragController::move(const QPointF& scenePos, const QPoint& screenPos)
{
    if (m_session) {
        m_session->moveTo(scenePos, NodeItem::at(m_scene, scenePos, m_session->source()));
        return true;
    }
    if (!m_press) {
        return false;
    }
    if ((screenPos - m_press->screenPos).manhattanLength() < QApplication::startDragDistance()) {
        return true;
    }
    if (!m_enabled) {
        if (!m_press->refused) {
            m_press->refused = true;
            Q_EMIT dragRefused(m_disabledReason);
        }
        return true;
    }
    start(scenePos);
    return true;
}

bool DragController::release(const QPointF& scenePos)
{
    m_press.reset();
    if (!m_session) {
        return false;
    }
    const InstanceKey dragged = m_session->key();
    const NodeItem* target = NodeItem::at(m_scene, scenePos, m_session->source());
    const DropVerdict verdict = target ? target->dropVerdict() : DropVerdict::None;
    const InstanceKey targetKey = target ? target->key() : InstanceKey {};
    const QString reason = target ? target->dropReason() : QString();
    end();
    if (verdict == DropVerdict::Valid || verdict == DropVerdict::Warning) {
        Q_EMIT dropRequested(dragged, targetKey);
    } else {
        Q_EMIT dragCancelled();
        if (verdict == DropVerdict::Refused) {
            // After release the card's colours are gone: say why nothing happened.
            Q_EMIT dropRefused(dragged, targetKey,
                tr("Cannot move %1 below %2: %3")
                    .arg(dragged.toString(), targetKey.toString(), reason));
        }
    }
    return true;
}

void DragController::cancel()
{
    m_press.reset();
    if (m_session) {
        end();
        Q_EMIT dragCancelled();
    }
}

void DragController::aboutToRemove(NodeItem* node)
{
    if (m_press && m_press->key == node->key()) {
        m_press.reset();
    }
    if (m_session && m_session->source() == node) {
        cancel();
    } else if (m_session) {
        m_session->forget(node);
    }
}

void DragController::start(const QPointF& scenePos)
{
    NodeItem* source = m_items->node(m_press->key);
    const QPointF grabOffset = m_press->grabOffset;
    m_press.reset();
    if (!source) {
        return;
    }
    m_targets.clear(); // the handler of dragStarted sets this drag's verdicts
    m_session = std::make_unique<DragSession>(m_scene, source, grabOffset);
    m_session->moveTo(scenePos, nullptr);
    applyDropTargets();
    Q_EMIT dragStarted(source->key());
    if (m_session) { // a receiver may have cancelled
        m_session->moveTo(scenePos, NodeItem::at(m_scene, scenePos, source));
    }
}

void DragController::end()
{
    m_session.reset();
    clearDropTargets();
}

} // namespace topograph
