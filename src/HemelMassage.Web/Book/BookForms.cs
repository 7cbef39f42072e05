using HemelMassage.Web.Site;

namespace HemelMassage.Web.Book;

/// <summary>The chosen hour, posted from the times page. Everything in it is re-checked on the server.</summary>
public sealed class SlotForm
{
    public string? Treatment { get; set; }
    /// <summary>A therapist's id, or "any" for no preference.</summary>
    public string? Therapist { get; set; }
    public string? Start { get; set; }
    /// <summary>The booking being filled in, when the client comes back to choose another time.</summary>
    public string? Pending { get; set; }
}

/// <summary>The client's details. Binds nothing else: no price, duration, status or booking id.</summary>
public sealed class DetailsForm
{
    public string? Name { get; set => field = PersonName.Normalise(value); }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>"first" or "returning".</summary>
    public string? Visit { get; set; }
    public string? Note { get; set; }
    public bool AcceptPolicy { get; set; }

    /// <summary>Body-map codes ticked: where the client feels it.</summary>
    public List<string>? Regions { get; set; }
    /// <summary>0 to 10, as typed (text, so a bad value gets our message, not a binder's).</summary>
    public string? Intensity { get; set; }
    /// <summary>Body-map code to its 0 to 10 score, posted as <c>AreaScores[lower-back]=7</c>; only ticked areas' scores are kept.</summary>
    public Dictionary<string, string>? AreaScores { get; set; }
    public string? PainSince { get; set; }
    public string? PainWorse { get; set; }
    /// <summary>The separate health-data consent: unticked unless the client ticks it.</summary>
    public bool HealthConsent { get; set; }
    /// <summary>A returning client: "nothing has changed since my last visit".</summary>
    public bool HealthUnchanged { get; set; }
    /// <summary>Question code to "yes" or "no", posted as <c>Answers[clots]=no</c>.</summary>
    public Dictionary<string, string>? Answers { get; set; }
    public string? HealthDetails { get; set; }
    public string? AreasToAvoid { get; set; }
    public string? Pressure { get; set; }
    public bool NoFollowUp { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only a bot fills it in.</summary>
    public string? Website { get; set; }
}
