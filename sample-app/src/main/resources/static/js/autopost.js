// Submits the one auto-post form of the page (SAML HTTP-POST binding). Loaded from this origin, so the
// Content-Security-Policy needs no 'unsafe-inline'; without JavaScript the visible Continue button does the same.
document.getElementById("autopost").submit();
