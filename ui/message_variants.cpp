// The one place where copying, moving and destroying each message variant is compiled: the app's,
// the workspace's, the kiosk account's and the kiosk's actions and commands.
#include "app_state.h"
#include "kiosk_state.h"

namespace ll::ui {

LL_MESSAGE_VARIANT_MEMBERS(Action);
LL_MESSAGE_VARIANT_MEMBERS(Command);
LL_MESSAGE_VARIANT_MEMBERS(WorkspaceAction);
LL_MESSAGE_VARIANT_MEMBERS(WorkspaceCommand);
LL_MESSAGE_VARIANT_MEMBERS(KioskAccountAction);
LL_MESSAGE_VARIANT_MEMBERS(KioskAccountCommand);
LL_MESSAGE_VARIANT_MEMBERS(KioskAction);
LL_MESSAGE_VARIANT_MEMBERS(KioskCommand);

}  // namespace ll::ui
