# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Attendance: risk sensors",
    "summary": "考勤与风险防控衔接: live risk sensors on the attendance register — "
    "discrepancies left unresolved, leaves not reported back (销假)",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_attendance", "office_risk"],
    "data": ["data/office_risk_data.xml"],
    "installable": True,
    "auto_install": True,
}
