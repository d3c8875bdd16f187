using System.Text.Json;

namespace VoxDose.Dosimetry.IO;

/// <summary>The JSON outputs' one rule for numbers: a finite value is written as is, anything else (none, NaN, infinite) as null.</summary>
public static class JsonNumbers
{
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
