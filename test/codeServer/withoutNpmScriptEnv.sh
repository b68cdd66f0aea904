#!/usr/bin/env bash
# Runs "$@" as if started from a plain shell, not from inside an npm script (`npm run demo`, `npm test`).
# An npm script exports what describes the OUTER npm: its Node version in npm_config_user_agent (code-server's
# postinstall reads the Node major from it and refuses anything but 24), its paths (npm_execpath, NODE,
# npm_config_prefix, npm_config_local_prefix, …) and the project's package (npm_package_*, npm_lifecycle_*).
# An inner npm would take those as its own config. The user's own settings (registry, proxy, cafile, cache, …)
# are kept: they are the same for every npm on this machine.
set -euo pipefail

derived_config=(user_agent node_version npm_version prefix local_prefix global_prefix node_gyp nodedir loglevel argv)
for name in $(compgen -e); do
  lower="${name,,}"
  case "$lower" in
    npm_config_*) [[ " ${derived_config[*]} " == *" ${lower#npm_config_} "* ]] && unset "$name" ;;
    npm_*) unset "$name" ;;
  esac
done
unset NODE INIT_CWD
exec "$@"
