from __future__ import annotations

import pytest

from parley.extract.meetings.epithets import _state_named


@pytest.mark.parametrize(("phrase", "state"), [
    ("главы РФ", True),
    ("главы России", True),
    ("глава Белого дома", False),  # a seat of power, not the state
    ("глава киевского режима", False),  # a phrase the gazetteer does not know is no state
])
def test_state_named_only_for_a_country(phrase, state):
    assert _state_named(phrase) is state
