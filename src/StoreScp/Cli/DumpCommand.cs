using System.CommandLine;
using VoxDose.Dicom;
using VoxDose.Dicom.Dump;
using VoxDose.Dicom.Json;

namespace VoxDose.StoreScp.Cli;

/// <summary>The <c>dump</c> verb: prints a DICOM file as a readable listing (like dcmdump) or as DICOM JSON (PS3.18 Annex F).</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The DICOM file to print." };
        var json = new Option<bool>("--json") { Description = "Print the data set in the DICOM JSON Model (PS3.18 Annex F), binary values inline as base64." };
        var indent = new Option<bool>("--indent") { Description = "With --json: indent the JSON." };
        var header = new Option<bool>("--header-only") { Description = "Stop reading before the pixel data." };
        var command = new Command("dump", "Print a DICOM file: a readable listing, or DICOM JSON with --json.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(indent);
        command.Options.Add(header);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            DicomFile dicom;
            try
            {
                dicom = DicomFile.Open(path.FullName, new DicomReadOptions { StopBeforePixelData = parseResult.GetValue(header) });
            }
            catch (Exception ex) when (ex is DicomDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dump: cannot read {path.FullName}: {ex.Message}");
                return 1;
            }
            if (parseResult.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                DicomJsonWriter.Write(stdout, dicom.Dataset, parseResult.GetValue(indent));
                stdout.Write("\n"u8);
            }
            else
            {
                Console.Write(DicomDumpWriter.ToText(dicom));
            }
            return 0;
        });
        return command;
    }
}
