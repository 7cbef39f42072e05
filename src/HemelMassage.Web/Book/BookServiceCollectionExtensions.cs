using FluentValidation;

namespace HemelMassage.Web.Book;

public static class BookServiceCollectionExtensions
{
    /// <summary>The client's online booking at /book: the steps, the booking in progress and its browser, the confirmation.</summary>
    public static IServiceCollection AddBook(this IServiceCollection services)
    {
        services.AddScoped<PendingBookings>();
        services.AddSingleton<BookingBrowser>();
        services.AddScoped<BookingConfirmation>();
        services.AddSingleton<IValidator<SlotForm>, SlotFormValidator>();
        services.AddSingleton<IValidator<DetailsForm>, DetailsFormValidator>();
        return services;
    }
}
