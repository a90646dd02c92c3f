#pragma once

#include <QString>

#include "instancekey.h"
#include "result.h"

// Small helpers shared by the planner's source files (planner*.cpp); not part of its interface.
namespace topograph::plannersupport {

// A refusal: the move is not planned, and the message says why, for a DBA.
inline Error refusal(const QString& message)
{
    return makeError(ErrorCode::Refused, message);
}

// How plans name an instance.
inline QString name(const InstanceKey& key)
{
    return key.toString();
}

} // namespace topograph::plannersupport
