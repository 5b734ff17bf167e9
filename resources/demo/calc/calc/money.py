def round_money(value: float) -> float:
    """Rounds to cents, half away from zero."""
    if value < 0:
        return -round_money(-value)
    return int(value * 100 + 0.5) / 100


def add_tax(value: float, rate: float) -> float:
    if rate < 0:
        raise ValueError("negative tax rate")
    return round_money(value * (1 + rate))


def split(total: float, people: int) -> list:
    if people <= 0:
        raise ValueError("nobody to split with")
    share = round_money(total / people)
    shares = [share] * people
    shares[-1] = round_money(total - share * (people - 1))
    return shares
