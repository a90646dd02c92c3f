#!/usr/bin/env bash
# Tests scripts/demo as a new user without a display meets it: it sets itself up (quietly when
# everything is installed: scripts/setup must not run apt again), starts its sandbox, prints the
# topology, and measures lag with the sandbox's pt-heartbeat. Stops the sandbox it started.
set -uo pipefail
root=${1:?usage: demo_script_test.sh PROJECT_ROOT}
port_base=$(( ${TOPOGRAPH_TEST_SCRATCH_PORT_BASE:-24360} + 100 ))
work=$(mktemp -d /tmp/topograph-demo-test.XXXXXX)
dir=$work/data/topograph/demo-sandbox
failures=0

cleanup() {
    "$root/scripts/sandbox" down --dir "$dir" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { failures=$((failures + 1)); echo "FAIL: $1"; }
pass() { echo "PASS: $1"; }

# Everything is installed by now (scripts/test ran setup): a second run installs nothing.
setup_out=$("$root/scripts/setup" --no-build 2>&1)
if [ -z "$setup_out" ]; then pass "setup --no-build is quiet"; else fail "setup ran again: $setup_out"; fi

out=$(cd "$root" && env -u DISPLAY -u WAYLAND_DISPLAY XDG_DATA_HOME="$work/data" \
    TOPOGRAPH_DEMO_PORT_BASE="$port_base" scripts/demo 2>&1)
rc=$?
if [ "$rc" -eq 0 ]; then pass "demo exits 0"; else fail "demo exited $rc: $out"; fi
primary="127.0.0.1:$((port_base + 1))"
if printf '%s\n' "$out" | grep -q "^$primary"; then pass "demo prints the topology"; else
    fail "no topology of $primary in: $out"; fi
if grep -q 'heartbeat.heartbeat' "$dir/demo.conf.json" 2>/dev/null; then
    pass "demo measures lag with pt-heartbeat"
else
    fail "demo.conf.json has no heartbeat lag query"
fi
# The lag query works on a replica (a number of seconds, not an error).
lag=$("$root/build/src/cli/topograph-cli" --config "$dir/demo.conf.json" -c topology \
    -i "$primary" 2>&1)
if printf "%s\n" "$lag" | grep -Eq "^\+ 127.0.0.1:$((port_base + 2)) +\[[0-9]+s,ok"; then
    pass "replica lag read through the heartbeat query"
else
    fail "unexpected topology: $lag"
fi
[ "$failures" -eq 0 ]
