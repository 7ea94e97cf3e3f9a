import json

import pytest

from quizzes.live.frames import MAX_FRAME_CHARS, BadFrame, RateLimit, host_frame, player_frame


def test_a_player_answer_frame_is_read():
    frame = player_frame(json.dumps({"type": "answer", "question": 2, "choice": [0, 3]}))

    assert frame.type == "answer"
    assert frame.fields == {"question": 2, "choice": [0, 3]}


@pytest.mark.parametrize(
    "text, reason",
    [
        ("not json", "Not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"type": "explode"}', "Unknown frame type"),
        ('{"type": "start"}', "Unknown frame type"),
        ('{"type": "answer", "question": 0}', "Missing field: choice"),
        ('{"type": "answer", "question": 0, "choice": 1, "player": 7}', "Unexpected field: player"),
        ('{"type": "answer", "question": "0", "choice": 1}', "question must be"),
        ('{"type": "answer", "question": 0, "choice": true}', "choice must be"),
        ('{"type": "answer", "question": 0, "choice": []}', "choice must be"),
        ('{"type": "answer", "question": 0, "choice": [1, "a"]}', "choice must be"),
        ('{"type": "answer", "question": -1, "choice": 1}', "question must be"),
    ],
)
def test_bad_player_frames_are_refused_with_the_reason(text, reason):
    with pytest.raises(BadFrame, match=reason):
        player_frame(text)


def test_a_huge_frame_is_refused_before_it_is_parsed():
    with pytest.raises(BadFrame, match="too large"):
        player_frame('{"type": "sync", "x": "' + "a" * MAX_FRAME_CHARS + '"}')


def test_a_binary_frame_is_refused():
    with pytest.raises(BadFrame, match="text"):
        host_frame(None)


def test_host_frames_take_only_their_own_fields():
    assert host_frame('{"type": "remove", "player": 4}').fields == {"player": 4}
    with pytest.raises(BadFrame, match="Unexpected field"):
        host_frame('{"type": "next", "index": 3}')
    with pytest.raises(BadFrame, match="Unknown frame type"):
        host_frame('{"type": "answer", "question": 0, "choice": 1}')


def test_the_rate_limit_allows_a_burst_then_the_steady_rate():
    limit = RateLimit(per_second=5, burst=3)

    first = [limit.allow(0.0) for _ in range(4)]
    later = limit.allow(0.2)

    assert first == [True, True, True, False]
    assert later is True
