#include "canvas/dragsession.h"

#include <QGraphicsScene>

#include "canvas/ghostitem.h"
#include "canvas/nodeitem.h"

namespace topograph {

DragSession::DragSession(QGraphicsScene* scene, NodeItem* source, const QPointF& grabOffset)
    : m_source(source)
    , m_ghost(new GhostItem(source))
    , m_grabOffset(grabOffset)
{
    m_source->setDragSource(true);
    scene->addItem(m_ghost);
    m_ghost->setPos(m_source->pos());
}

DragSession::~DragSession()
{
    if (m_target) {
        m_target->setDropHover(false);
    }
    m_source->setDragSource(false);
    delete m_ghost;
}

InstanceKey DragSession::key() const
{
    return m_source->key();
}

void DragSession::moveTo(const QPointF& scenePos, NodeItem* target)
{
    m_ghost->setPos(scenePos - m_grabOffset);
    if (target != m_target) {
        if (m_target) {
            m_target->setDropHover(false);
        }
        m_target = target;
        if (m_target) {
            m_target->setDropHover(true);
        }
        refresh();
    }
}

void DragSession::refresh()
{
    if (!m_target) {
        m_ghost->setCaption(DropVerdict::None, {});
        return;
    }
    const QString source = m_source->content().title;
    const QString target = m_target->content().title;
    const QString reason = m_target->dropReason();
    QString caption;
    switch (m_target->dropVerdict()) {
    case DropVerdict::None:
        break;
    case DropVerdict::Valid:
        caption = tr("Move %1 below %2").arg(source, target);
        break;
    case DropVerdict::Warning:
        caption = tr("Move %1 below %2, with warnings").arg(source, target);
        break;
    case DropVerdict::Refused:
        caption = tr("Cannot move %1 below %2").arg(source, target);
        break;
    }
    if (!caption.isEmpty() && !reason.isEmpty()) {
        caption += u'\n' + reason;
    }
    m_ghost->setCaption(m_target->dropVerdict(), caption);
}

void DragSession::forget(NodeItem* item)
{
    if (item == m_target) {
        m_target = nullptr;
        refresh();
    }
}

} // namespace topograph
