"""Test articles for the ingest tests (written for these tests, not taken from any corpus)."""

from __future__ import annotations

import pytest

ENGLISH = (
    "The foreign minister of Norway met her counterpart from Kenya in Oslo on Tuesday, and the two "
    "agreed to resume talks on trade and maritime security next month. Officials said that a joint "
    "statement would be issued later in the week, after further meetings between the delegations."
)
ENGLISH_NAMES = (
    "Attending the summit in Geneva were Amara Okafor, Lars Lindqvist, Mei Tanaka, Rafael Duarte, "
    "Ingrid Solberg, Tomasz Wrona, Aylin Demir, Kwame Mensah, Priya Raman, Sebastian Keller, "
    "Nadia Haddad, Oliver Grant, Chen Wei, Lucia Moreno, Anders Holm and Fatima Diallo."
)
CHINESE = (
    "外交部长周二在首都会见了来访的代表团，双方同意下个月恢复关于贸易和海上安全的谈判。"
    "官员表示，在两国代表团进一步会晤之后，本周晚些时候将发表联合声明。"
)
FRENCH = (
    "Le ministre des affaires étrangères a rencontré mardi son homologue venu du Kenya, et les deux "
    "pays ont convenu de reprendre le mois prochain les discussions sur le commerce et la sécurité "
    "maritime. Selon des responsables, une déclaration commune sera publiée plus tard dans la semaine, "
    "après de nouvelles réunions entre les délégations."
)


@pytest.fixture
def english() -> str:
    """A short English news paragraph."""
    return ENGLISH


@pytest.fixture
def english_names() -> str:
    """English that is mostly personal names."""
    return ENGLISH_NAMES


@pytest.fixture
def chinese() -> str:
    """A Chinese news paragraph."""
    return CHINESE


@pytest.fixture
def french() -> str:
    """A French news paragraph."""
    return FRENCH
