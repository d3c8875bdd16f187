"""Writes N synthetic PET instances (Explicit VR Little Endian) for the network benchmark.
Usage: make_pet.py DIR N [SIZE] [KIND]. KIND y90 (default): a Y-90 PET (radionuclide Y-90, half-life 230 580 s), so the
node takes the path of the studies it exists for (a series it assembles); other: a PET with no radiopharmaceutical,
which the node stores and sets aside ("no Y-90 PET")."""
import sys, os
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, count = sys.argv[1], int(sys.argv[2])
size = int(sys.argv[3]) if len(sys.argv) > 3 else 192
kind = sys.argv[4] if len(sys.argv) > 4 else "y90"
os.makedirs(out, exist_ok=True)
study, series = generate_uid(), generate_uid()
rng = np.random.default_rng(90)
base = rng.integers(0, 30000, size=(size, size), dtype=np.uint16)
for i in range(count):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.128"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
    ds.Modality = "PT"
    ds.PatientName, ds.PatientID = "Bench^Phantom", "BENCH-1"
    ds.InstanceNumber = i + 1
    ds.ImagePositionPatient = [-300, -300, i * 3.0]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [4.0, 4.0]
    ds.SliceThickness = 3.0
    ds.Units = "BQML"
    if kind == "y90":
        nuclide = Dataset()
        nuclide.CodeValue, nuclide.CodingSchemeDesignator, nuclide.CodeMeaning = "C1312658", "NCIt", "^90^Yttrium"
        rp = Dataset()
        rp.RadionuclideCodeSequence = [nuclide]
        rp.RadionuclideHalfLife = "230580"
        rp.RadionuclideTotalDose = "2000000000"
        rp.RadiopharmaceuticalStartDateTime = "20261130090000"
        ds.RadiopharmaceuticalInformationSequence = [rp]
        ds.DecayCorrection = "START"
        ds.CorrectedImage = ["DECY", "ATTN"]
    ds.RescaleSlope, ds.RescaleIntercept = 0.25, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.Rows = ds.Columns = size
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelData = np.roll(base, i, axis=0).tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(out, f"pet{i:04d}.dcm"), write_like_original=False)
