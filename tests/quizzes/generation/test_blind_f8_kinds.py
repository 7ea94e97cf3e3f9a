"""The ordering and matching faults two blind judges found in the eighth fresh set (F8), and
the events and pairs F1-F8 lessons lost to shapes the generator did not read.

Each case stands for a general fault shape, named in the comment, not for the one lesson it
was seen in; the sentences are invented.
"""

import pytest


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F8 (Iran): "A day that became known as Black Friday, troops killed ..." - the date
        # went and its aside stayed, a fragment with no main clause.
        (
            "On 3 May 1921, a day that became known as Red Tuesday, soldiers fired on the "
            "marchers in Tarsk.",
            "3 May 1921",
            (1921, "Soldiers fired on the marchers in Tarsk"),
        ),
        (
            "On 3 May 1921, a day later called Red Tuesday, soldiers fired on the marchers.",
            "3 May 1921",
            (1921, "Soldiers fired on the marchers"),
        ),
    ],
)
def test_an_aside_on_the_date_goes_with_the_date(event, sentence, date, expected):
    assert event(sentence, date) == expected
