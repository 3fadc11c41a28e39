#include "OutboxTypes.h"

#include <array>

namespace skein {

namespace {

constexpr std::array<const char *, 3> kindNames{"send", "reply", "forward"};
constexpr std::array<const char *, 4> stateNames{"waiting", "sending", "sent", "failed"};

} // namespace

QString outboxKindName(OutboxKind kind)
{
    return QString::fromLatin1(kindNames.at(std::size_t(kind)));
}

std::optional<OutboxKind> outboxKindFromName(const QString &name)
{
    for (std::size_t i = 0; i < kindNames.size(); ++i)
        if (name == QLatin1String(kindNames[i]))
            return OutboxKind(i);
    return std::nullopt;
}

QString outboxStateName(OutboxState state)
{
    return QString::fromLatin1(stateNames.at(std::size_t(state)));
}

OutboxState outboxStateFromName(const QString &name)
{
    for (std::size_t i = 0; i < stateNames.size(); ++i)
        if (name == QLatin1String(stateNames[i]))
            return OutboxState(i);
    return OutboxState::Waiting;
}

} // namespace skein
