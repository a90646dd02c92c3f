#!/usr/bin/env bash
# Tests scripts/sandbox as a user meets it: one-line errors for bad arguments that leave nothing
# running, refusals, and a real up/status/down cycle that stops exactly what it started.
set -uo pipefail
sandbox=${1:?usage: sandbox_script_test.sh PATH/TO/scripts/sandbox}
port_base=${TOPOGRAPH_TEST_SCRATCH_PORT_BASE:-24360}
work=$(mktemp -d /tmp/topograph-sandbox-test.XXXXXX)
failures=0
passes=0

cleanup() {
    "$sandbox" down --dir "$work/cycle" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

pass() { passes=$((passes + 1)); echo "PASS: $1"; }
fail() { failures=$((failures + 1)); echo "FAIL: $1"; }

running_in() { pgrep -f -- "$1" >/dev/null; }

# expect_one_line_error NAME PATTERN DIR -- COMMAND...
expect_one_line_error() {
    local name=$1 pattern=$2 dir=$3
    shift 4
    local err rc
    err=$("$@" 2>&1 >/dev/null)
    rc=$?
    if [ "$rc" -eq 0 ]; then fail "$name: exit status 0"; return; fi
    if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then fail "$name: expected one line, got: $err"; return; fi
    if ! grep -qE -- "$pattern" <<<"$err"; then fail "$name: '$err' does not match '$pattern'"; return; fi
    if running_in "$dir/"; then fail "$name: left processes running"; return; fi
    pass "$name"
}

d=$work/bad
expect_one_line_error "unknown command" "unknown command 'frob'" "$d" -- "$sandbox" frob --dir "$d"
expect_one_line_error "missing --dir" "--dir is required" "$d" -- "$sandbox" up
expect_one_line_error "bad shape syntax" "bad shape '1>>2'" "$d" -- "$sandbox" up --dir "$d" --shape '1>>2'
expect_one_line_error "shape with two primaries" "exactly one primary" "$d" -- "$sandbox" up --dir "$d" --shape '1>2;3>4'
expect_one_line_error "shape with a cycle" "bad shape" "$d" -- "$sandbox" up --dir "$d" --shape '1>2;2>3;3>2'
expect_one_line_error "shape with a gap" "instance 2 is missing" "$d" -- "$sandbox" up --dir "$d" --shape '1>3'
expect_one_line_error "instance with two masters" "two masters" "$d" -- "$sandbox" up --dir "$d" --shape '1>2,3;3>2'
expect_one_line_error "bad port base" "bad --port-base" "$d" -- "$sandbox" up --dir "$d" --port-base 80x
expect_one_line_error "unknown option" "unknown argument '--bogus'" "$d" -- "$sandbox" up --dir "$d" --bogus
expect_one_line_error "missing mariadbd" "mariadbd not found" "$d" -- env TOPOGRAPH_MARIADBD=/nonexistent/mariadbd "$sandbox" up --dir "$d"
expect_one_line_error "status without sandbox" "no sandbox in" "$d" -- "$sandbox" status --dir "$d"
[ ! -e "$d" ] || [ -z "$(ls -A "$d")" ] && pass "bad arguments leave no files" || fail "bad arguments left files in $d"

# A port already in use: hold one with a real listener of our own making (a second sandbox).
c=$work/cycle
if "$sandbox" up --dir "$c" --shape '1>2' --filepos --port-base "$port_base" >/dev/null; then
    pass "up 1>2 file:pos"
    expect_one_line_error "port in use" "port $((port_base + 1)) .* in use" "$work/other" -- \
        "$sandbox" up --dir "$work/other" --shape '1>2' --port-base "$port_base"
    out=$("$sandbox" up --dir "$c" --shape '1>2' --port-base $((port_base + 5)) 2>&1 >/dev/null)
    grep -q "already running" <<<"$out" && pass "refuses a second up in a running dir" || fail "second up: $out"
    status=$("$sandbox" status --dir "$c")
    [ "$(grep -c ' up ' <<<"$status")" -eq 2 ] && grep -q "io=Yes sql=Yes" <<<"$status" &&
        pass "status shows both instances up and replicating" || fail "status: $status"
    pids=$(cat "$c"/n*/mariadbd.pid)
    "$sandbox" down --dir "$c" >/dev/null && pass "down" || fail "down failed"
    alive=0
    for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && ! running_in "$c/" && pass "down stopped every server it started" || fail "servers still running after down"
    "$sandbox" status --dir "$c" >/dev/null && fail "status after down exits 0" || pass "status after down exits non-zero"
    "$sandbox" down --dir "$c" --purge >/dev/null && [ ! -e "$c" ] && pass "down --purge removes the directory" || fail "purge"
else
    fail "up 1>2 file:pos"
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
