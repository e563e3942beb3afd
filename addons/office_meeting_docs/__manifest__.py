# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Meetings: official documents",
    "summary": "会议与公文衔接: the minutes of a meeting drafted as a 纪要 outgoing "
    "document, each decision followed up as a supervision item (督办) that "
    "closes it",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_meeting", "office_docs"],
    "data": [
        "views/office_meeting_views.xml",
        "views/office_meeting_decision_views.xml",
    ],
    "demo": ["demo/office_meeting_docs_demo.xml"],
    "installable": True,
    "auto_install": True,
}
