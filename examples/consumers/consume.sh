#!/bin/sh
# Example queue consumer for Wegwijzer, in POSIX shell.
#
#   consume.sh [--once] QUEUE [CUR]
#
# Claims each message by renaming QUEUE/new/ID.json to CUR/ID.json (default CUR:
# QUEUE/cur) with mv, which is rename(2) on one file system: atomic, so when several
# consumers race for one message exactly one wins. A failed mv whose source is gone
# means another consumer took it (ENOENT); that is not an error. Each consumer process
# needs its own CUR; on start it first finishes what an earlier run left there.
#
# Handling here prints "ID<TAB>subject" per message; replace handle() with your work. A
# handled message is removed from CUR; one whose handling fails stays there.
#
# A message that is not the team's is handed back: handle() returns 3 and the message is
# renamed from CUR into QUEUE/misrouted/ (with a note, misrouted/ID.note, first); Wegwijzer
# routes it again without this team. Here NOT_OURS=WORD hands back every message whose text
# holds WORD, as an example rule.
set -u

once=false
if [ "${1:-}" = "--once" ]; then once=true; shift; fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: consume.sh [--once] QUEUE [CUR]" >&2
    exit 2
fi
queue=$1
new=$queue/new
cur=${2:-$queue/cur}
mkdir -p "$cur" || exit 2

# handle FILE: the team's work for one message; here it prints the ID and the subject.
# (A real tool would use a JSON parser such as jq; sed is enough for a top-level string.)
handle() {
    name=${1##*/}
    if [ -n "${NOT_OURS:-}" ] && grep -q "\"text\" *: *\"[^\"]*$NOT_OURS" "$1"; then return 3; fi
    subject=$(sed -n 's/.*"subject" *: *"\([^"]*\)".*/\1/p' "$1") || return 1
    printf '%s\t%s\n' "${name%.json}" "$subject"
}

# hand_back FILE NOTE: the note first, then the message is renamed into misrouted/.
hand_back() {
    name=${1##*/}
    printf '%s\n' "$2" > "$queue/misrouted/.${name%.json}.note" &&
        mv -f "$queue/misrouted/.${name%.json}.note" "$queue/misrouted/${name%.json}.note" &&
        mv -f "$1" "$queue/misrouted/$name"
}

# finish FILE: handle it, then remove it; on failure leave it in CUR.
finish() {
    handle "$1"
    status=$?
    if [ $status -eq 0 ]; then
        rm -f "$1"
    elif [ $status -eq 3 ] && hand_back "$1" "'$NOT_OURS' is not for us"; then
        echo "consume.sh: $1: handed back" >&2
    else
        echo "consume.sh: $1: handling failed; left in $cur" >&2
    fi
}

for file in "$cur"/*.json; do  # left over from an earlier run
    [ -e "$file" ] && finish "$file"
done
while :; do
    for file in "$new"/*.json; do
        name=${file##*/}
        case $name in .*|'*.json') continue ;; esac
        if mv -f "$file" "$cur/$name" 2>/dev/null; then
            finish "$cur/$name"
        elif [ -e "$file" ]; then
            echo "consume.sh: cannot claim $file" >&2   # not a lost race: permissions, full disk
            exit 1
        fi                                             # else: another consumer has it
    done
    $once && exit 0
    sleep 2
done
