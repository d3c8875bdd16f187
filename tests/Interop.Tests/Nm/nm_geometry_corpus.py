"""Builds the NM reading corpus and prints pydicom's geometry of every file as JSON.

Usage: nm_geometry_corpus.py OUT_DIR

The corpus: every NM file of pydicom's test data (Modality NM), vendor-style NM objects written here with pydicom
(multi-frame RECON TOMO as in PS3.3 C.8.4 with the geometry in the Detector Information Sequence; a Siemens-style
negative Spacing Between Slices; a Philips-style top-level Image Position/Orientation; a reconstruction written as
separate slices; a planar STATIC anterior/posterior pair; a WHOLE BODY pair), and DCMTK- (dcmconv +te, dcmdjpeg) and
GDCM- (gdcmconv --raw) converted copies of each. Geometry is computed here independently of VoxDose: frame positions
are Image Position (Patient) of the Detector Information Sequence item (or the top level) plus
(Slice Vector - 1) x Spacing Between Slices along row x column.
"""
import glob, json, os, shutil, subprocess, sys
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
NM = "1.2.840.10008.5.1.4.1.1.20"
SEEDS = iter(range(1, 10000))


def code(value, scheme, meaning):
    c = Dataset(); c.CodeValue = value; c.CodingSchemeDesignator = scheme; c.CodeMeaning = meaning
    return c


def base(image_type, frames, rows, cols, spacing, syntax=ExplicitVRLittleEndian):
    ds = Dataset()
    ds.file_meta = FileMetaDataset(); ds.file_meta.TransferSyntaxUID = syntax
    ds.file_meta.MediaStorageSOPClassUID = NM
    ds.is_little_endian = True; ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.SOPClassUID = NM; ds.SOPInstanceUID = generate_uid(); ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.StudyInstanceUID = generate_uid(); ds.SeriesInstanceUID = generate_uid(); ds.FrameOfReferenceUID = generate_uid()
    ds.Modality = "NM"; ds.ImageType = ["ORIGINAL", "PRIMARY", image_type, "EMISSION"]
    ds.PatientID = "NMTEST"; ds.InstanceNumber = 1
    ds.Rows = rows; ds.Columns = cols; ds.PixelSpacing = [f"{spacing[0]:.4f}", f"{spacing[1]:.4f}"]
    ds.NumberOfFrames = frames; ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 0
    r = Dataset(); r.Radiopharmaceutical = "Tc99m MAA"; r.RadionuclideHalfLife = "21624"
    r.RadionuclideCodeSequence = Sequence([code("72454006", "SCT", "^99m^Technetium")])
    ds.RadiopharmaceuticalInformationSequence = Sequence([r])
    w = Dataset(); w.EnergyWindowName = "99m Technetium"; rng = Dataset(); rng.EnergyWindowLowerLimit = "126.45"; rng.EnergyWindowUpperLimit = "154.55"
    w.EnergyWindowRangeSequence = Sequence([rng]); ds.EnergyWindowInformationSequence = Sequence([w])
    rng_ = np.random.default_rng(next(SEEDS))
    ds.PixelData = rng_.integers(0, 500, size=frames * rows * cols, dtype=np.uint16).tobytes()
    return ds


def recon(name, spacing_between, where="detector", syntax=ExplicitVRLittleEndian, rows=16, cols=12, frames=9, shuffle=False):
    ds = base("RECON TOMO", frames, rows, cols, (4.4181, 4.4181), syntax)
    ds.FrameIncrementPointer = [0x00540080]
    sv = list(range(1, frames + 1))
    if shuffle: sv = sv[::2] + sv[1::2]
    ds.SliceVector = sv; ds.NumberOfSlices = frames
    ds.SpacingBetweenSlices = f"{spacing_between:.4f}"; ds.SliceThickness = f"{abs(spacing_between):.4f}"
    iop = ["0.9848078", "0.1736482", "0", "-0.1736482", "0.9848078", "0"] if name.endswith("oblique") else ["1", "0", "0", "0", "1", "0"]
    ipp = ["-280.5", "-240.25", "-317.75"]
    det = Dataset()
    if where in ("detector", "both"):
        det.ImagePositionPatient = ipp; det.ImageOrientationPatient = iop
    det.ViewCodeSequence = Sequence([])
    ds.DetectorInformationSequence = Sequence([det]); ds.NumberOfDetectors = 1
    if where in ("top", "both"):
        ds.ImagePositionPatient = ipp; ds.ImageOrientationPatient = iop
    ds.save_as(os.path.join(out, name + ".dcm"), write_like_original=False)


def slices(name, frames=6):
    uid = generate_uid(); frame_uid = generate_uid()
    for k in range(frames):
        ds = base("RECON TOMO", 1, 10, 10, (3.0, 3.0))
        ds.SeriesInstanceUID = uid; ds.FrameOfReferenceUID = frame_uid; ds.InstanceNumber = k + 1
        det = Dataset(); det.ImagePositionPatient = ["-15", "-15", f"{100 - 3.5 * ((k * 5) % frames):.2f}"]
        det.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        ds.DetectorInformationSequence = Sequence([det]); ds.SliceThickness = "3.5"
        os.makedirs(os.path.join(out, name), exist_ok=True)
        ds.save_as(os.path.join(out, name, f"slice{k}.dcm"), write_like_original=False)


def planar(name, image_type):
    ds = base(image_type, 2, 32 if image_type == "STATIC" else 64, 16, (2.26, 2.26))
    ds.FrameIncrementPointer = [0x00540010, 0x00540020]
    ds.EnergyWindowVector = [1, 1]; ds.NumberOfEnergyWindows = 1; ds.DetectorVector = [1, 2]; ds.NumberOfDetectors = 2
    ant = Dataset(); ant.ViewCodeSequence = Sequence([code("399321004", "SCT", "Anterior projection")])
    post = Dataset(); post.ViewCodeSequence = Sequence([code("G-5216", "SRT", "Posterior projection")])
    ds.DetectorInformationSequence = Sequence([ant, post])
    ds.save_as(os.path.join(out, name + ".dcm"), write_like_original=False)


recon("recon_tomo", 4.4181)
recon("recon_tomo_oblique", 4.4181, shuffle=True)
recon("siemens_negative_spacing", -4.7952, where="both")
recon("philips_top_level", 4.0, where="top")
recon("recon_tomo_implicit", 4.4181, syntax=ImplicitVRLittleEndian)
slices("separate_slices")
planar("planar_static", "STATIC")
planar("whole_body", "WHOLE BODY")
for f in sorted(glob.glob(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files", "*.dcm"))):
    try:
        if pydicom.dcmread(f, stop_before_pixels=True, force=True).get("Modality") == "NM":
            shutil.copy(f, os.path.join(out, "pydicom_" + os.path.basename(f)))
    except Exception:
        pass

# Converted copies. Some pydicom files are deliberately damaged codestreams that a decoder refuses: then GDCM rewrites
# them without decompressing (gdcmconv without --raw), and the failure is listed.
failures = []


def convert(args, target):
    done = subprocess.run(args, capture_output=True)
    if done.returncode != 0 or not os.path.exists(target):
        failures.append(" ".join(args))
        if os.path.exists(target): os.remove(target)
        return False
    return True


for f in sorted(glob.glob(os.path.join(out, "*.dcm"))):
    stem = f[:-4]
    ts = str(pydicom.dcmread(f, stop_before_pixels=True).file_meta.TransferSyntaxUID)
    if ts in ("1.2.840.10008.1.2", "1.2.840.10008.1.2.1"):
        convert(["dcmconv", "+te", f, stem + ".dcmconv_te.dcm"], stem + ".dcmconv_te.dcm")
    elif ts in ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"):
        convert(["dcmdjpeg", f, stem + ".dcmdjpeg.dcm"], stem + ".dcmdjpeg.dcm")
    if not convert(["gdcmconv", "--raw", f, stem + ".gdcmconv_raw.dcm"], stem + ".gdcmconv_raw.dcm"):
        convert(["gdcmconv", f, stem + ".gdcmconv.dcm"], stem + ".gdcmconv.dcm")


def vals(ds, keyword):
    if keyword not in ds or ds[keyword].value is None: return []
    v = ds[keyword].value
    return [int(x) for x in v] if ds[keyword].VM > 1 else [int(v)]


def geometry(ds):
    it = str(ds.ImageType[2]).upper()
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    g = {"imageType": it, "rows": int(ds.Rows), "columns": int(ds.Columns), "frames": frames,
         "rowSpacing": float(ds.PixelSpacing[0]), "columnSpacing": float(ds.PixelSpacing[1]),
         "detectors": vals(ds, "DetectorVector"), "positions": []}
    det = ds.DetectorInformationSequence[0] if "DetectorInformationSequence" in ds and len(ds.DetectorInformationSequence) else None
    src = det if det is not None and "ImagePositionPatient" in det else (ds if "ImagePositionPatient" in ds else None)
    if src is not None:
        ipp = np.array([float(v) for v in src.ImagePositionPatient]); iop = [float(v) for v in src.ImageOrientationPatient]
        n = np.cross(iop[:3], iop[3:])
        if it == "RECON TOMO":
            sbs = float(ds.get("SpacingBetweenSlices", 0) or 0)
            sv = vals(ds, "SliceVector") or [1]
            g["positions"] = [list(ipp + (s - 1) * sbs * n) for s in sv]
        else:
            g["positions"] = [list(ipp)]
    try:
        g["pixelSum"] = float(np.asarray(ds.pixel_array, dtype=np.float64).sum())
    except Exception:
        g["pixelSum"] = None
    return g


result = []
for f in sorted(glob.glob(os.path.join(out, "**", "*.dcm"), recursive=True)):
    ds = pydicom.dcmread(f)
    result.append({"path": f, **geometry(ds)})
print(json.dumps({"files": result, "conversionFailures": failures}))
