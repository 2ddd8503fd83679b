"""Floor 0: reference data (countries, partners, diplomatic relations) and Vietnamese text folding.

Plain Python with no Django and no other doingoai package, so every floor above can import it.
"""
