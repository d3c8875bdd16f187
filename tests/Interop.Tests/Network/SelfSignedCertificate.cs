using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VoxDose.Interop.Tests.Network;

/// <summary>A self-signed RSA certificate for 127.0.0.1/localhost, also written as PEM files for DCMTK.</summary>
internal sealed class SelfSignedCertificate : IDisposable
{
    public SelfSignedCertificate(string directory)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        Certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        CertificatePem = Path.Combine(directory, "cert.pem");
        KeyPem = Path.Combine(directory, "key.pem");
        File.WriteAllText(CertificatePem, Certificate.ExportCertificatePem());
        File.WriteAllText(KeyPem, rsa.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    /// <summary>Accepts exactly this certificate (pinning), as a client or server validation callback.</summary>
    public bool IsThisCertificate(X509Certificate? presented) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString();

    public void Dispose() => Certificate.Dispose();
}
