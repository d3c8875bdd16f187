using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Web;

namespace VoxDose.StoreScp.Cli;

/// <summary>The <c>serve</c> verb: runs the DICOM node until stopped (Ctrl+C, SIGTERM from systemd).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("serve", "Run the VoxDose DICOM node: receive Y-90 PET studies, compute dose, send results.");
        command.Options.Add(config);
        command.SetAction(async (parseResult, ct) =>
        {
            try
            {
                var (configuration, _) = NodeConfiguration.Load(parseResult.GetValue(config));
                var builder = NodeHost.CreateBuilder(configuration);
                ConsoleHostedService.AddTo(builder);
                using var host = builder.Build();
                await host.RunAsync(ct).ConfigureAwait(false);
                return 0;
            }
            catch (InvalidConfigurationException e)
            {
                return e.Report(Console.Error, "serve");
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync("voxdose serve: invalid configuration:").ConfigureAwait(false);
                foreach (var failure in e.Failures) await Console.Error.WriteLineAsync("  " + failure).ConfigureAwait(false);
                return 2;
            }
            catch (VoxDose.StoreScp.Hosting.StartupRefusedException e)
            {
                await Console.Error.WriteLineAsync($"voxdose serve: cannot start: {e.Message}").ConfigureAwait(false);
                return 2;
            }
            catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or IOException)
            {
                await Console.Error.WriteLineAsync($"voxdose serve: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
