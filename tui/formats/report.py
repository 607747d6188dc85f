"""What worked, as text with bars drawn in the terminal: what the app's view and `followup stats` show."""

from __future__ import annotations

from ..domain.stats import Rate, Stats

__all__ = ["BAR", "render_stats", "stats_json"]

#: The widest bar, in cells.
BAR = 24


def _bar(rate: Rate, width: int = BAR) -> str:
    """'Early window   ████████░░░░░░░░  5 of 8 answered (62%)'."""
    filled = round(rate.share * width)
    return f"  {rate.name:<20} {'█' * filled}{'░' * (width - filled)}  {rate.hits} of {rate.tries} ({rate.share:.0%})"


def _more(count: int, what: str) -> str:
    return f"{count} more {what}{'s' if count != 1 else ''}"


def render_stats(stats: Stats) -> str:
    lines = [f"From {stats.calls} call{'s' if stats.calls != 1 else ''} and {stats.results} result"
             f"{'s' if stats.results != 1 else ''} in your record."]  # fmt: skip
    lines += ["", "Calls answered, by their time of day"]
    if stats.by_window:
        lines += [_bar(rate) for rate in stats.by_window]
        lines += ["", "Calls answered, by weekday"]
        lines += [_bar(rate) for rate in stats.by_weekday]
    else:
        lines.append(f"  Log {_more(stats.calls_needed, 'call')} to see which times get answers.")
    lines += ["", "Messages left"]
    if stats.voicemails:
        said = f"  {stats.called_back} of {stats.voicemails} got a call back"
        if stats.callback_days is not None:
            said += f", after {stats.callback_days:g} day{'s' if stats.callback_days != 1 else ''} (median)"
        lines.append(said + ".")
    else:
        lines.append("  None yet.")
    lines += ["", "What the follow-ups led to"]
    if stats.followed_up is not None:
        lines.append(_bar(Rate("Next round or offer", stats.followed_up.hits, stats.followed_up.tries)))
        if stats.days_to_result is not None:
            lines.append(f"  From interview to result: {stats.days_to_result:g} days (median).")
        lines += ["", "Next round or offer, by how you said thank you"]
        lines += [_bar(rate) for rate in stats.by_channel]
    else:
        lines.append(f"  Record {_more(stats.results_needed, 'result')} (o in the app) to see what they led to.")
    return "\n".join(lines)


def stats_json(stats: Stats) -> dict[str, object]:
    def rates(found: tuple[Rate, ...]) -> list[dict[str, object]]:
        return [{"name": r.name, "hits": r.hits, "tries": r.tries} for r in found]

    follow = stats.followed_up
    return {
        "calls": stats.calls,
        "results": stats.results,
        "calls_needed": stats.calls_needed,
        "results_needed": stats.results_needed,
        "answered_by_window": rates(stats.by_window),
        "answered_by_weekday": rates(stats.by_weekday),
        "voicemails": stats.voicemails,
        "called_back": stats.called_back,
        "callback_days_median": stats.callback_days,
        "follow_ups_to_next_round_or_offer": None if follow is None else {"hits": follow.hits, "tries": follow.tries},
        "days_to_result_median": stats.days_to_result,
        "next_round_or_offer_by_thank_you": rates(stats.by_channel),
        "results_seen": stats.results_seen,
    }
