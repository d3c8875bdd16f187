using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Server;
using VoxDose.Dicom.Network.Transport;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Interop: DICOM TLS between our SCP/SCU and DCMTK (echoscu/storescu +tla, storescp +tls) with a self-signed certificate.</summary>
public class DicomTlsInteropTests
{
    [Fact]
    public async Task Dcmtk_scus_over_tls_to_our_scp()
    {
        var root = TestPaths.NewTempDirectory("voxdose-tls");
        using var cert = new SelfSignedCertificate(root);
        await using var server = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = ["TLSSCP"] },
            TempDirectory = Path.Combine(root, "tmp"),
            Tls = new ServerTlsOptions { Certificate = cert.Certificate },
        }, new DirectoryStoreHandler(Path.Combine(root, "out")));
        await server.StartAsync();
        var port = server.LocalEndPoint!.Port.ToString();

        ExternalTool.Run("echoscu", ["+tla", "+cf", cert.CertificatePem, "-aec", "TLSSCP", "127.0.0.1", port], TimeSpan.FromSeconds(30)).EnsureSuccess();
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        ExternalTool.Run("storescu", ["+tla", "+cf", cert.CertificatePem, "-aec", "TLSSCP", "+sd", "+r", "127.0.0.1", port, dir], TimeSpan.FromSeconds(60)).EnsureSuccess();
        InteropData.AssertAllStored(files, Directory.GetFiles(Path.Combine(root, "out")));

        // Without TLS the same port refuses to talk DICOM.
        Assert.NotEqual(0, ExternalTool.Run("echoscu", ["-aec", "TLSSCP", "-to", "5", "127.0.0.1", port], TimeSpan.FromSeconds(30)).ExitCode);
    }

    [Fact]
    public async Task Our_scu_over_tls_to_dcmtk_storescp()
    {
        var root = TestPaths.NewTempDirectory("voxdose-tls");
        using var cert = new SelfSignedCertificate(root);
        var outDir = Path.Combine(root, "out");
        Directory.CreateDirectory(outDir);
        var port = ExternalTool.FreeTcpPort();
        using var storescp = BackgroundTool.Start("storescp", ["+tls", cert.KeyPem, cert.CertificatePem, "-ic", "-aet", "DCMTKTLS", "-od", outDir, port.ToString()]);
        await storescp.WaitForPortAsync(port);
        var options = new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "DCMTKTLS",
            Tls = new ClientTlsOptions { ServerCertificateValidation = (_, presented, _, _) => cert.IsThisCertificate(presented) },
        };
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(options));
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        var results = await DicomClient.SendAsync(options, [dir]);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        InteropData.AssertAllStored(files, Directory.GetFiles(outDir));
    }
}
