using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace VoxDose.StoreScp.Web;

/// <summary>Every POST handler starts with <see cref="RejectForgeryAsync"/>: a missing or foreign anti-forgery token is a 400, nothing is done.</summary>
public static class Forms
{
    public static async Task<IResult?> RejectForgeryAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Text("The form's anti-forgery token is missing or invalid (reload the page and try again).\n", "text/plain",
                statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
