#!/usr/bin/env python3
"""Role titles against a gold set whose role is the bare position (factRuEval: "глава", not "глава МИД РФ").

    python bench/role_titles.py [GOLD.jsonl ...]

Runs ``parley extract`` over each gold set (default: ../shared/gold/factru_dev.jsonl),
then scores the roles twice with ../shared/eval/score.py: as extracted (the whole
phrase in ``role``) and with each ``role`` replaced by its ``title``. Without
../shared the script says so and exits 0.
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
            for label, system in (("role", out), ("title", titles)):
                f = roles_f1(gold, system)
                print(f"{gold.name:24} {label:10} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
