# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Disclosure Risk Sensors",
    "summary": "Bridge: live risk sensors of 003 表19 on the disclosure registers — "
    "requests answered late, proactive disclosures late, the yearly report late",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_disclosure", "office_risk"],
    "data": ["data/office_risk_sensor_data.xml"],
    "installable": True,
    "auto_install": True,
}
