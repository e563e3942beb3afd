# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Petition Risk Sensors",
    "summary": "Bridge: live risk sensors of 003 表26 on the petition register — "
    "acceptance, answer, review and re-review late; group, repeated and "
    "disruptive petitions",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_petition", "office_risk"],
    "data": ["data/office_risk_sensor_data.xml"],
    "installable": True,
    "auto_install": True,
}
