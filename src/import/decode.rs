//! Government text files come as UTF-8 (with or without BOM) or GB18030/GBK.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("文件不是文本（疑似二进制文件），无法读取")]
    Binary,
    #[error("文件编码无法识别：既不是 UTF-8 也不是 GB18030/GBK")]
    UnknownEncoding,
}

/// Decodes bytes as UTF-8 (BOM stripped) or, failing that, GB18030.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // NUL bytes never occur in either encoding's text; other control bytes are rare.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    if sample.contains(&0) || controls * 100 > sample.len().max(1) {
        return Err(DecodeError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(DecodeError::UnknownEncoding);
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("指标".as_bytes()).unwrap(), "指标");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("指标".as_bytes());
        assert_eq!(decode(&bom).unwrap(), "指标");
    }

    #[test]
    fn reads_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("郟县 约束性");
        assert_eq!(decode(&bytes).unwrap(), "郟县 约束性");
    }

    #[test]
    fn rejects_binary() {
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]),
            Err(DecodeError::Binary)
        );
    }
}
