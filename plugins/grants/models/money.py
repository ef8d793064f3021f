"""Money fields: pounds and pence, never negative where an amount is asked for."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import number_format

PENNY = Decimal("0.01")


def MoneyField(verbose_name, **kwargs):  # noqa: N802 - reads like a field class
    """A sterling amount of at most £99,999,999.99 (two decimal places)."""
    kwargs.setdefault("max_digits", 10)
    kwargs.setdefault("decimal_places", 2)
    return models.DecimalField(verbose_name, **kwargs)


def positive_money(verbose_name, **kwargs):
    """A sterling amount of at least a penny."""
    return MoneyField(verbose_name, validators=[MinValueValidator(PENNY)], **kwargs)


def pounds(amount):
    """Format ``amount`` as pounds for people: ``£1,500`` or ``£62.50``."""
    amount = Decimal(amount or 0)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"£{number_format(amount, decimal_pos=places, force_grouping=True)}"
