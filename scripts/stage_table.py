"""Write the stage contract table of docs/pipeline.md from the stages' own ``requires``/``assigns``.

python scripts/stage_table.py            # print the table
python scripts/stage_table.py --write    # replace it in docs/pipeline.md, between its markers
"""

from __future__ import annotations

import argparse
from pathlib import Path

import whodid
from whodid.pipeline import stage_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "pipeline.md"
START, END = "<!-- stages:start -->", "<!-- stages:end -->"


def replace_table(text: str, table: str) -> str:
    """``text`` with the part between the markers replaced by ``table``."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help=f"replace the table in {DOC}")
    args = parser.parse_args()
    table = stage_table(whodid.load().stages)
    if args.write:
        DOC.write_text(replace_table(DOC.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"wrote the stage table to {DOC}")
    else:
        print(table)


if __name__ == "__main__":
    main()
