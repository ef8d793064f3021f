"""The draw's algorithm on its own: plain Python, no database (fast)."""

import random
from pathlib import Path

import pytest

from coproduction.sortition import algorithm

PLACES = ["medway", "west-kent", "east-kent", "dgs"]
AGES = ["16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"]


def invented_pool(size, seed=1):
    rng = random.Random(seed)
    return [
        (
            f"V-{number:05d}",
            {
                "place": rng.choice(PLACES),
                "age_band": rng.choice(AGES),
                "sex": rng.choice(["female", "male", "female", "male", "prefer_not"]),
                "ethnic_group": rng.choice(
                    ["white_british"] * 6 + ["asian_indian", "black_african"]
                ),
                "disability": rng.choice(["no", "no", "no", "yes_a_lot", "yes_a_little"]),
            },
        )
        for number in range(size)
    ]


QUOTAS = {
    "place": {place: {"min": 10, "max": 13} for place in PLACES},
    "age_band": {age: {"min": 4, "max": 8} for age in AGES[:7]}
    | {"prefer_not": {"min": 0, "max": 3}},
    "sex": {"female": {"min": 20, "max": 24}, "male": {"min": 19, "max": 23}},
    "ethnic_group": {"asian_indian": {"min": 3, "max": 6}, "black_african": {"min": 3, "max": 6}},
    "disability": {"yes_a_lot": {"min": 4, "max": 8}, "yes_a_little": {"min": 4, "max": 8}},
}


def counts(pool, ids, dimension):
    chosen = set(ids)
    found = {}
    for person_id, categories in pool:
        if person_id in chosen:
            found[categories[dimension]] = found.get(categories[dimension], 0) + 1
    return found


def test_the_same_seed_gives_the_same_panel_and_another_seed_another():
    pool = invented_pool(400)
    first = algorithm.draw(pool, QUOTAS, "4 11 23 38 45 49", 45, 10)
    again = algorithm.draw(pool, QUOTAS, "4 11 23 38 45 49", 45, 10)
    other = algorithm.draw(pool, QUOTAS, "4 11 23 38 45 50", 45, 10)
    assert first == again
    assert set(first.selected) != set(other.selected)


@pytest.mark.parametrize("seed", ["one", "two", "three", "four", "five"])
def test_every_quota_is_met_and_the_reserves_are_others_in_order(seed):
    pool = invented_pool(300, seed=len(seed))
    result = algorithm.draw(pool, QUOTAS, seed, 45, 10)
    assert len(result.selected) == len(set(result.selected)) == 45
    for dimension, quotas in QUOTAS.items():
        found = counts(pool, result.selected, dimension)
        for category, bounds in quotas.items():
            assert bounds["min"] <= found.get(category, 0) <= bounds["max"], (dimension, category)
    assert len(result.reserves) == 10
    assert not set(result.reserves) & set(result.selected)


def test_the_pool_file_round_trips_and_its_hash_is_of_its_bytes():
    pool = invented_pool(20)
    text = algorithm.write_pool(pool)
    assert text.splitlines()[0] == "id,place,age_band,sex,ethnic_group,disability"
    assert algorithm.read_pool(text) == pool
    assert algorithm.sha256_text(text) == algorithm.sha256_text(algorithm.write_pool(pool))


def test_infeasible_quotas_are_named_before_drawing():
    pool = invented_pool(200)
    quotas = {
        "age_band": {"16_24": {"min": 60, "max": 70}},
        "sex": {"female": {"min": 25, "max": 30}, "male": {"min": 23, "max": 30}},
        "place": {place: {"min": 0, "max": 10} for place in PLACES},
    }
    available = sum(1 for _id, c in pool if c["age_band"] == "16_24")
    messages = [problem.message for problem in algorithm.check(pool, quotas, 45)]
    assert (
        f"age_band 16_24 needs at least 60 but only {available} volunteers are in that group."
        in messages
    )
    assert "sex minimums add up to 48, more than the panel of 45." in messages
    assert "The maximums for place add up to 40, fewer than 45." in messages
    with pytest.raises(algorithm.DrawFailed) as failure:
        algorithm.draw(pool, quotas, "seed", 45)
    assert {p.code for p in failure.value.problems} == {
        "min_above_pool",
        "mins_above_size",
        "maxes_below_size",
    }


def test_a_draw_that_runs_out_of_attempts_names_the_unmet_minimums():
    # Each quota can be met on its own, but everyone from DGS is 16 to 24 in this pool: five
    # from DGS cannot be chosen with at most four aged 16 to 24.
    pool = [(f"A{n}", {"place": "dgs", "age_band": "16_24"}) for n in range(10)]
    pool += [(f"B{n}", {"place": "medway", "age_band": "75_plus"}) for n in range(10)]
    quotas = {
        "place": {"dgs": {"min": 5, "max": 10}, "medway": {"min": 0, "max": 10}},
        "age_band": {"16_24": {"min": 0, "max": 5}, "75_plus": {"min": 0, "max": 10}},
    }
    assert len(algorithm.draw(pool, quotas, "x", 10).selected) == 10
    quotas["age_band"]["16_24"]["max"] = 4
    assert algorithm.check(pool, quotas, 10) == []
    with pytest.raises(algorithm.DrawFailed) as failure:
        algorithm.draw(pool, quotas, "x", 10, attempts=3)
    assert [problem.message for problem in failure.value.problems] == [
        "place dgs: 4 chosen of the minimum 5."
    ]


def test_the_module_imports_nothing_but_the_standard_library():
    source = Path(algorithm.__file__).read_text(encoding="utf-8")
    imports = {
        line.split()[1].split(".")[0]
        for line in source.splitlines()
        if line.startswith(("import ", "from "))
    }
    assert imports <= {
        "argparse",
        "csv",
        "hashlib",
        "io",
        "json",
        "math",
        "random",
        "sys",
        "dataclasses",
    }
