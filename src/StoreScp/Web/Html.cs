using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace VoxDose.StoreScp.Web;

/// <summary>
/// A fragment of HTML. Interpolated values are HTML-encoded unless they are themselves <see cref="Html"/>, so a view
/// cannot forget to encode a patient name or an error text: <c>Html.Of($"&lt;td&gt;{name}&lt;/td&gt;")</c>.
/// </summary>
public readonly struct Html
{
    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty => new("");

    public static Html Of(HtmlBuilder builder) => new(builder.ToStringAndClear());

    /// <summary>Markup written by us (constants); never pass received data here.</summary>
    public static Html Raw(string trusted) => new(trusted);

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.ToString())));

    public static Html Join<T>(IEnumerable<T> items, Func<T, Html> render) => Join(items.Select(render));

    public override string ToString() => _value ?? "";
}

[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder _sb;

    public HtmlBuilder(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string s) => _sb.Append(s);

    public void AppendFormatted(Html html) => _sb.Append(html.ToString());

    public void AppendFormatted(string? s) => _sb.Append(HtmlEncoder.Default.Encode(s ?? ""));

    public void AppendFormatted<T>(T value, string? format = null)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        _sb.Append(HtmlEncoder.Default.Encode(text));
    }

    internal string ToStringAndClear() => _sb.ToString();
}
