"""The text of the portal's standard pages, written for this portal.

Bodies are StreamField data: a list of (block type, value) pairs.
"""


class PageBySlug(str):
    """A reference to a demo page by its slug, resolved when the page exists."""


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def p(html):
    return ("paragraph", html)


ABOUT = {
    "title": "About",
    "slug": "about",
    "introduction": (
        "A meeting place for organisations led by survivors of trafficking in human "
        "beings, and for the institutions that want to work with them as equals."
    ),
    "body": [
        h2("Why this portal exists"),
        p(
            "<p>People who have lived through trafficking know things about identification, "
            "support, return and reintegration that no official report captures. Too often "
            "they are asked to tell their story once and are then left out of the decisions "
            "that follow. This portal helps change that: it shows who is already doing the "
            "work, how institutions can include survivors safely, and where the money is.</p>"
        ),
        p(
            "<p>The portal grew out of the practical guidelines on including survivors in "
            "policy development and the operational response to trafficking, prepared by "
            "ICMPD with the Migration, Asylum, Refugees Regional Initiative (MARRI). It serves "
            "the Western Balkans first (Albania, Bosnia and Herzegovina, Kosovo*, Montenegro, "
            "North Macedonia and Serbia) and is open to initiatives from anywhere.</p>"
        ),
        h2("What you will find here"),
        p(
            "<ul><li>A directory of survivor-led initiatives: advisory councils, networks, "
            "funds, service providers and advocacy groups.</li>"
            "<li>Good practices, step by step, for policy development and for the operational "
            "response, with the templates that go with them.</li>"
            "<li>Funding opportunities open to survivor-led organisations.</li>"
            "<li>Calls to join survivor advisory boards and to answer consultations.</li></ul>"
        ),
        h2("The words we use"),
        p(
            "<p>We say <em>victim</em> for a person who has experienced trafficking and is "
            "still recovering within the support system, and <em>survivor</em> for a person "
            "who has completed that recovery or is far along it. Both are stages, not "
            "judgements, and people choose for themselves which word fits.</p>"
            "<p>We distinguish <em>participation</em>, where survivors add input to content "
            "others have shaped, from <em>inclusion</em>, where they co-produce processes, "
            "policies and programmes from the start and over time.</p>"
        ),
        h2("Principles we follow"),
        p(
            "<p>Everything here follows a trauma-informed approach: safety; trustworthiness "
            "and transparency; peer support; collaboration and mutuality; empowerment, voice "
            "and choice; and attention to cultural, historical and gender issues. The "
            "portal's good practices are also mapped to the UN Recommended Principles and "
            "Guidelines on Human Rights and Human Trafficking.</p>"
        ),
        (
            "call_to_action",
            {
                "heading": "Worried that someone checks your device?",
                "text": "Read how the quick-exit button works and how to visit this portal "
                "without leaving traces.",
                "link_text": "Read our safety advice",
                "page": PageBySlug("safety"),
                "url": "",
            },
        ),
        p(
            "<p><small>* This designation is without prejudice to positions on status, and "
            "is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of "
            "independence.</small></p>"
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "introduction": (
        "What this portal collects, why, who can see it, how long it is kept, and what you "
        "can ask us to do with it."
    ),
    "body": [
        h2("Browsing the portal"),
        p(
            "<p>Reading pages collects nothing about you. The portal uses no analytics, no "
            "advertising, no social-media buttons and no embedded content from other "
            "websites: every file a page needs comes from this site. The application does "
            "not record your IP address.</p>"
        ),
        h2("Cookies"),
        p(
            "<p>Ordinary pages set no cookie at all. The only cookies the portal uses are:</p>"
            "<ul><li><strong>csrftoken</strong>: set when you open a page with a form. It "
            "protects the form against being submitted from another website. It holds a "
            "random value, nothing about you, and expires after a year.</li>"
            "<li><strong>sessionid</strong>: set only for editors and moderators who sign in "
            "to the administration area. It ends when they sign out, when they close the "
            "browser, or after eight hours at most.</li>"
            "</ul><p>The portal never sets a cookie to remember your language: the language "
            "is part of each page's address.</p>"
        ),
        h2("When you fill in a form"),
        p(
            "<p>Each form asks only for what that form needs, and says why. Applications to "
            "advisory boards and answers to consultations are encrypted before they are "
            "stored. Only the moderators named for that form can read them; other editors "
            "cannot. Every time a moderator views, exports or erases a submission, the portal "
            "records who did it and when.</p>"
            "<p>Notification emails to moderators contain a reference number and a link, "
            "never your answers. If you give your email address, you receive a confirmation "
            "that names the form and nothing else.</p>"
            "<p>The anonymous feedback form stores no name, no email address and no IP "
            "address. To stop automated abuse, the portal keeps a scrambled (hashed) form of "
            "your IP address in memory for a few minutes; it is never written to the "
            "database.</p>"
        ),
        h2("How long we keep it"),
        p(
            "<p>Each form has a retention period, by default twelve months after the call "
            "closes. After that the submissions are deleted automatically. A request to list "
            "an organisation becomes a draft directory page; if it is declined, the draft is "
            "deleted.</p>"
        ),
        h2("Your rights"),
        p(
            "<p>You can ask to see what we hold about you, to correct it, or to erase it. "
            "Moderators can erase one person's submissions on request without affecting "
            "anyone else's. Write to the address on the About page; we answer within one "
            "month and never ask you to explain why.</p>"
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "introduction": (
        "We want everyone to be able to use this portal, whatever device, browser or "
        "assistive technology they use."
    ),
    "body": [
        h2("What we aim for"),
        p(
            "<p>The portal aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 "
            "at level AA in all of its languages. You should be able to:</p>"
            "<ul><li>use every page and form with a keyboard alone;</li>"
            "<li>zoom to 200% or read on a screen 320 pixels wide without scrolling "
            "sideways;</li>"
            "<li>use a screen reader, with headings, landmarks and form labels that make "
            "sense on their own;</li>"
            "<li>read every page with JavaScript turned off.</li></ul>"
        ),
        h2("How we check"),
        p(
            "<p>Every change to the portal is tested automatically before it goes live: each "
            "type of page is opened in a real browser and checked with the axe-core "
            "accessibility engine, its HTML is validated, a board application is filled in "
            "and sent using the keyboard alone, and pages are measured at 320 pixels wide.</p>"
        ),
        h2("Known limitations"),
        p(
            "<p>Documents uploaded by partner organisations (for example PDF templates) may "
            "not be fully accessible. If you need one in another format, ask us and we will "
            "provide it.</p>"
        ),
        h2("Tell us about a problem"),
        p(
            "<p>If something on the portal is hard to use, please tell us through the "
            "feedback form or the contact address on the About page. We reply within ten "
            "working days.</p>"
        ),
    ],
}

SAFETY = {
    "title": "Staying safe online",
    "slug": "safety",
    "introduction": (
        "If someone might check what you do on your phone or computer, these steps can help "
        "you visit this portal more safely."
    ),
    "body": [
        h2("The quick-exit button"),
        p(
            "<p>Every page has a <strong>Leave this site quickly</strong> button at the top. "
            "Selecting it, or pressing the Shift key three times, hides the page at once and "
            "opens a weather forecast in the same tab. It also replaces the page you were on "
            "in your browser's history, so pressing Back does not bring it back.</p>"
            "<p>The quick exit cannot erase everything. Pages you visited before the one you "
            "left stay in your history, and your browser may still have stored copies of "
            "them. The steps below close those gaps.</p>"
        ),
        h2("Browse privately"),
        p(
            "<p>A private window does not keep history, cookies or form entries after you "
            "close it:</p>"
            "<ul><li>Chrome, Edge and Samsung Internet: open the menu and choose "
            "<em>New Incognito window</em> or <em>InPrivate window</em>.</li>"
            "<li>Firefox: open the menu and choose <em>New private window</em>.</li>"
            "<li>Safari: choose <em>File</em>, then <em>New Private Window</em>; on an "
            "iPhone, open the tabs view and choose <em>Private</em>.</li></ul>"
        ),
        h2("Clear your history"),
        p(
            "<p>If you did not use a private window, you can delete the record of your visit. "
            "In most browsers, press <kbd>Ctrl</kbd> + <kbd>H</kbd> (<kbd>Cmd</kbd> + "
            "<kbd>Y</kbd> on a Mac) to open the history, then delete the pages from this site "
            "one by one. Deleting only these entries attracts less attention than clearing "
            "the whole history.</p>"
        ),
        h2("Other things to think about"),
        p(
            "<ul><li>Someone who controls your device or account may see more than your "
            "browser history, for example through tracking apps. If you think this is "
            "happening, use a device they cannot reach, such as one in a library.</li>"
            "<li>Emails from this portal name only the form you used. Still, use an email "
            "address that only you can read.</li>"
            "<li>If you are in danger now, call the emergency number where you are. 112 "
            "works across Europe.</li></ul>"
        ),
    ],
}

STANDARD_PAGES = [ABOUT, PRIVACY, ACCESSIBILITY, SAFETY]

HOME = {
    "title": "Survivor leadership against trafficking",
    "introduction": (
        "Find survivor-led initiatives, learn how institutions can include survivors in "
        "policy and practice, and take part in calls that shape the response to trafficking "
        "in the Western Balkans and beyond."
    ),
}
