//! Distances between municipality centres.

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle (haversine) distance in km between two points in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_known_values() {
        assert_eq!(distance_km(51.0, 4.0, 51.0, 4.0), 0.0);
        // Mechelen – Lier: about 12 km as the crow flies.
        let km = distance_km(51.0257, 4.4776, 51.1314, 4.5700);
        assert!((12.0..14.5).contains(&km), "{km}");
        // One degree of latitude is about 111 km anywhere.
        assert!((distance_km(50.0, 4.0, 51.0, 4.0) - 111.2).abs() < 0.1);
        // Symmetric.
        assert_eq!(
            distance_km(51.0, 4.4, 50.9, 4.5),
            distance_km(50.9, 4.5, 51.0, 4.4)
        );
    }
}
