import Vapor

/// Dutch wording of the error pages.
enum ErrorPage {
    static let csrfReason = "csrf"
    static let busyReason = "busy"

    static func title(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: return "Deze aanvraag klopt niet"
        case 401: return "Je bent niet ingelogd"
        case 403: return "Geen toegang"
        case 404: return "Pagina niet gevonden"
        case 405: return "Dit kan hier niet"
        case 409: return "Iemand anders heeft dit intussen gewijzigd"
        case 413: return "Dit is te groot"
        case 415: return "Dit soort gegevens kunnen we niet lezen"
        case 422: return "Controleer wat je hebt ingevuld"
        case 429: return "Te veel pogingen"
        case 503: return "Bouwstenen is even niet bereikbaar"
        default: return status.code >= 500 ? "Er ging bij ons iets mis" : "Dit lukte niet"
        }
    }

    static func message(for status: HTTPStatus, reason: String?) -> String {
        switch status.code {
        case 400: return "Wat je verstuurde kunnen we niet lezen. Ga terug, controleer wat je hebt ingevuld en probeer het opnieuw."
        case 401: return "Log in om verder te gaan."
        case 403 where reason == csrfReason:
            return "Dit formulier is verlopen of komt niet van Bouwstenen. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens."
        case 403: return "Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Vraag het aan de projectleider van je coalitie."
        case 404: return "Deze pagina bestaat niet (meer), of je hebt er geen toegang toe. Controleer het adres of ga naar de startpagina."
        case 405: return "Deze actie is op deze pagina niet mogelijk."
        case 409: return "Wat je verstuurde is niet opgeslagen, omdat iemand anders het intussen heeft gewijzigd. Ga terug, laad de pagina opnieuw en voer je wijziging nog eens in."
        case 413: return "Wat je verstuurde is veel te groot: honderden bladzijden tekst. Er is niets opgeslagen. In één stap van een bouwblad passen hoogstens 20.000 tekens. Ga terug naar het formulier en maak de tekst korter."
        case 415: return "Verstuur het formulier vanaf de pagina in Bouwstenen."
        case 429: return reason ?? "Je hebt het te vaak geprobeerd. Wacht een kwartier en probeer het dan opnieuw."
        case 503 where reason == busyReason:
            return "Er wordt nu op veel plekken tegelijk opgeslagen. Er is niets opgeslagen. Probeer het over een paar seconden opnieuw."
        case 503: return "De database is even niet bereikbaar. Er is niets opgeslagen. Probeer het over een minuut opnieuw."
        default:
            return status.code >= 500
                ? "Er is niets opgeslagen. Probeer het later opnieuw. Blijft het misgaan? Geef dan de foutcode hieronder door aan de beheerder."
                : "Ga terug en probeer het opnieuw."
        }
    }
}

/// A refusal with its own Dutch heading and message, for cases the generic pages do not
/// describe well (e.g. "PDF maken lukt nu niet").
struct UserProblem: AbortError {
    let status: HTTPResponseStatus
    let title: String
    let message: String
    var headers: HTTPHeaders = [:]
    var reason: String { message }
}
