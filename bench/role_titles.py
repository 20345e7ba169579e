#!/usr/bin/env python3
"""Role titles against a gold set whose role is the bare position (factRuEval: "глава", not "глава МИД РФ").

    python bench/role_titles.py [GOLD.jsonl ...]

Runs ``parley extract`` over each gold set (default: ../shared/gold/factru_dev.jsonl),
then scores the roles twice with ../shared/eval/score.py: as extracted (the whole
phrase in ``role``) and with each ``role`` replaced by its ``title``; a third line
pairs titles as factRuEval-2016's own scorer pairs positions, by an edit distance of
at most 2 ("главы" is "глава", "бывший посол" is not "посол"). Without ../shared the
script says so and exits 0.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT = SHARED / "gold" / "factru_dev.jsonl"


def as_titles(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            doc = json.loads(line)
            for role in doc.get("roles") or []:
                role["role"] = role.get("title") or role["role"]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def roles_f1(gold: Path, system: Path) -> dict:
    report = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(system), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(report.stdout)["roles"]


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def close_titles_f1(gold: Path, system: Path) -> dict:
    """Titles paired with gold positions of the same person at an edit distance of at most 2."""
    sys.path.insert(0, str(SHARED / "eval"))
    from score import Aliases  # noqa: E402  (the shared scorer's name matching)

    golds = [json.loads(line) for line in gold.open(encoding="utf-8")]
    found = {doc["doc_id"]: doc.get("roles") or [] for doc in map(json.loads, system.open(encoding="utf-8"))}
    aliases = Aliases(golds)
    paired = answered = expected = 0
    for doc in golds:
        roles = found.get(doc["doc_id"], [])
        answered, expected, free = answered + len(roles), expected + len(doc.get("roles") or []), list(roles)
        for want in doc.get("roles") or []:
            position = want["role"].lower().replace("ё", "е")
            match = next((r for r in free if aliases.resolve(r.get("person", "")) == want["person"] and
                          edit_distance((r.get("title") or r["role"]).lower().replace("ё", "е"), position) <= 2), None)
            if match is not None:
                free.remove(match)
                paired += 1
    precision, recall = paired / answered if answered else 0.0, paired / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main(argv: list[str]) -> int:
    if not (SHARED / "eval" / "score.py").exists():
        print(f"role titles skipped: {SHARED} (gold sets and scorer) is absent")
        return 0
    golds = [Path(a) for a in argv] or [DEFAULT]
    parley = Path(sys.executable).parent / "parley"
    print(f"{'gold':24} {'scored as':10} {'P':>6} {'R':>6} {'F1':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            out, titles = Path(tmp) / f"{gold.stem}.jsonl", Path(tmp) / f"{gold.stem}-titles.jsonl"
            run = subprocess.run([str(parley), "extract", str(gold), "-o", str(out)])
            if run.returncode not in (0, 1):  # 1: some documents failed; they count as empty answers
                raise SystemExit(f"parley extract {gold.name} exited {run.returncode}")
            as_titles(out, titles)
            for label, f in (("role", roles_f1(gold, out)), ("title", roles_f1(gold, titles)),
                             ("title ±2", close_titles_f1(gold, out))):
                print(f"{gold.name:24} {label:10} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
