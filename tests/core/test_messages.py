"""Messages a user can meet read as reviewed Vietnamese (issue 16, point 14), on every styled form."""

from __future__ import annotations

from django import forms

from doingoai.core.forms import StyledForm


class Sample(StyledForm):
    count = forms.IntegerField(min_value=0, max_value=99)
    amount = forms.DecimalField(max_digits=5, decimal_places=1)
    name = forms.CharField(max_length=5)
    kind = forms.ChoiceField(choices=[("a", "A")])
    own = forms.IntegerField(min_value=0, error_messages={"min_value": "Số người không được âm."})


def errors(**data):
    form = Sample(data={"count": "1", "amount": "1", "name": "x", "kind": "a", "own": "1", **data})
    assert not form.is_valid()
    return {name: " ".join(messages) for name, messages in form.errors.items()}


def test_stock_messages_are_replaced():
    assert errors(count="abc")["count"] == "Cần nhập một số nguyên, ví dụ 12."
    assert errors(count="-1")["count"] == "Giá trị nhỏ nhất là 0."
    assert errors(count="100")["count"] == "Giá trị lớn nhất là 99."
    assert errors(name="dài quá")["name"] == "Tối đa 5 ký tự (đang có 7)."
    assert errors(amount="12345")["amount"] == "Tối đa 4 chữ số trước dấu phẩy."
    assert errors(kind="z")["kind"] == "Lựa chọn này không có trong danh sách."
    text = " ".join(errors(count="abc", amount="x", name="dài quá").values())
    assert "tổng thể" not in text and "bằng với" not in text


def test_a_forms_own_message_stays():
    assert errors(own="-1")["own"] == "Số người không được âm."
