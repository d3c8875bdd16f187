using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Checks a configuration section against the options model before binding: every key must name a property
/// (case-insensitive, as the binder matches), list items must be numbered, and every value must convert to its
/// property's type. The binder itself silently ignores unknown keys and stops at the first bad value; this lists
/// them all, with the nearest known key for a typo (<c>VoxDose:Destination</c>: did you mean <c>Destinations</c>?).
/// </summary>
public static class ConfigurationShapeChecker
{
    /// <summary>Every problem under <paramref name="section"/> for the options type <paramref name="type"/>.</summary>
    public static List<ConfigurationProblem> Check(IConfigurationSection section, Type type)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<ConfigurationProblem>();
        CheckNode(section, type, errors);
        return errors;
    }

    /// <summary>A type bound from one value rather than a section.</summary>
    internal static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri);
    }

    private static void CheckNode(IConfigurationSection node, Type type, List<ConfigurationProblem> errors)
    {
        if (IsScalar(type))
        {
            if (node.GetChildren().Any())
                errors.Add(new(node.Path, $"is a single value, not a section (found {string.Join(", ", node.GetChildren().Select(c => c.Key))})."));
            else if (node.Value is { } value && ConversionError(value, type) is { } error)
                errors.Add(new(node.Path, error));
            return;
        }
        var children = node.GetChildren().ToList();
        if (children.Count == 0)
        {
            // An empty object or list in JSON arrives as a null value; a text value where a section belongs is a mistake.
            if (!string.IsNullOrEmpty(node.Value))
                errors.Add(new(node.Path, $"'{node.Value}' is a single value where a section is expected."));
            return;
        }
        if (ItemType(type) is { } itemType)
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    errors.Add(new(child.Path, $"a list expects numbered items (0, 1, ...), not '{child.Key}'."));
                else
                    CheckNode(child, itemType, errors);
            }
            return;
        }
        var properties = BindableProperties(type);
        foreach (var child in children)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
                errors.Add(new(child.Path, $"unknown key{Suggestion(child.Key, properties.Select(p => p.Name).ToList())}"));
            else
                CheckNode(child, property.PropertyType, errors);
        }
    }

    private static List<PropertyInfo> BindableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || (p.CanRead && !IsScalar(p.PropertyType))))];

    private static Type? ItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || !type.IsGenericType) return null;
        var arguments = type.GetGenericArguments();
        return arguments.Length == 1 ? arguments[0] : null;
    }

    private static string? ConversionError(string value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && value.Length == 0) return null; // empty: not set
        var t = underlying ?? type;
        if (t == typeof(string)) return null;
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t);
            return names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : $"'{value}' is not one of {string.Join(", ", names.Select(n => n.ToLowerInvariant()))}{Suggestion(value, names, listKnown: false)}";
        }
        try
        {
            _ = TypeDescriptor.GetConverter(t).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            var expected = t == typeof(int) || t == typeof(long) || t == typeof(short) ? "a whole number"
                : t == typeof(double) || t == typeof(float) || t == typeof(decimal) ? "a number"
                : t == typeof(bool) ? "true or false"
                : $"a {t.Name}";
            return $"'{value}' is not {expected}.";
        }
    }

    /// <summary>" (did you mean 'X'?)" for the closest known name, else the list of known names.</summary>
    internal static string Suggestion(string key, IReadOnlyCollection<string> known, bool listKnown = true)
    {
        if (known.Count == 0) return ".";
        var best = known.Select(k => (Name: k, Distance: Levenshtein(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(2, key.Length / 3)
            ? $"; did you mean '{best.Name}'?"
            : listKnown ? $"; known keys here: {string.Join(", ", known)}." : ".";
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
