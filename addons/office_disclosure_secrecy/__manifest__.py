# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Disclosure under Secrecy Registers",
    "summary": "Bridge: nothing is released that quotes a secret carrier of the "
    "secrecy register or a record whose classification is proposed or in force",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_disclosure", "office_secrecy"],
    "data": [],
    "installable": True,
    "auto_install": True,
}
