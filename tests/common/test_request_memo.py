"""An answer worked out for one request is worked out once, and never leaks to the next."""

from django.test import RequestFactory

from chorus.common.request_memo import remembered


def test_a_question_asked_twice_in_one_request_is_worked_out_once_and_afresh_next_time():
    calls = []

    def keeps_a_register():
        calls.append(1)
        return len(calls) == 1

    first = RequestFactory().get("/admin/")
    assert remembered(first, "secretary", keeps_a_register) is True
    assert remembered(first, "secretary", keeps_a_register) is True
    assert len(calls) == 1

    second = RequestFactory().get("/admin/")
    assert remembered(second, "secretary", keeps_a_register) is False
    assert len(calls) == 2
