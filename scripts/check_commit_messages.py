"""Commit messages from the 0.1.0 layout on: a subject of at most 72 characters, then a body that says why.

``make test`` runs it with the lint steps. A clone whose history does not reach that commit (a shallow one) is not
checked, and says so. ``python3 scripts/check_commit_messages.py [REV]`` checks from REV instead.
"""

from __future__ import annotations

import subprocess
import sys

# "Move loose modules into platform, cli, jobs and grouped domains": the first commit held to this rule.
FIRST = "c0dc5ff50fc08e794d677699ed94492f9b0fde1a"
SUBJECT_LIMIT = 72


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def main() -> int:
    first = sys.argv[1] if len(sys.argv) > 1 else FIRST
    if git("cat-file", "-e", f"{first}^{{commit}}").returncode != 0:
        print(f"commit messages: {first[:12]} is not in this clone's history; not checked")
        return 0
    log = git("log", "--format=%h%x00%s%x00%b%x01", f"{first}^..HEAD").stdout
    problems = []
    for record in filter(str.strip, log.split("\x01")):
        short, subject, body = record.strip("\n").split("\x00", 2)
        if len(subject) > SUBJECT_LIMIT:
            problems.append(f"{short}: the subject has {len(subject)} characters (at most {SUBJECT_LIMIT}): {subject}")
        if not body.strip():
            problems.append(f"{short}: no body saying why: {subject}")
    for problem in problems:
        print(problem)
    if problems:
        print("reword them (git rebase -i, 'reword') before they land: the subject says what, the body why")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
