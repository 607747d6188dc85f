"""What other job trackers call the columns of their csv exports (Huntr, Teal, a plain sheet), in our names."""

from __future__ import annotations

from ..domain.models import Result

__all__ = ["TRACKER_ALIASES", "status_result"]

#: A tracker's column (lower case, words joined by "_") and the field it fills. A bare "Title" is the job.
TRACKER_ALIASES = {
    "title": "role",
    "job": "role",
    "position": "role",
    "job_position": "role",
    "job_name": "role",
    "company_name": "company",
    "employer": "company",
    "url": "posting_url",
    "job_url": "posting_url",
    "link": "posting_url",
    "job_link": "posting_url",
    "posting_url": "posting_url",
    "job_posting": "posting_url",
    "salary": "salary",
    "salary_range": "salary",
    "compensation": "salary",
    "pay": "salary",
    "location": "location",
    "job_location": "location",
    "city": "location",
    "date_applied": "applied_on",
    "applied": "applied_on",
    "applied_on": "applied_on",
    "applied_at": "applied_on",
    "application_date": "applied_on",
    "status": "status",
    "stage": "status",
    "list": "status",
    "result": "status",
}

#: A tracker's status words, and the result each means; any other status (Applied, Interviewing …) is still waiting.
_STATUS = {
    "offer": Result.OFFER,
    "offered": Result.OFFER,
    "accepted": Result.OFFER,
    "rejected": Result.REJECTED,
    "declined": Result.REJECTED,
    "not selected": Result.REJECTED,
    "withdrawn": Result.WITHDRAWN,
    "withdrew": Result.WITHDRAWN,
    "no reply": Result.NO_REPLY,
    "no response": Result.NO_REPLY,
    "ghosted": Result.NO_REPLY,
    "next round": Result.NEXT_ROUND,
}


def status_result(text: str) -> Result:
    """A tracker's status as a result: "Offer", "Rejected", "Ghosted" …; anything else is still open."""
    return _STATUS.get(" ".join(text.strip().lower().replace("-", " ").replace("_", " ").split()), Result.WAITING)
