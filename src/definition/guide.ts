/** The "Hướng dẫn" sheet of a definition workbook: how an officer edits it (docs/FORM-DEFINITION.md). */
export const GUIDE_LINES: readonly string[] = [
  "Sổ này định nghĩa một biểu mẫu báo cáo: phần bổ trợ và dòng lệnh bdg-report dùng nó để tạo mẫu báo cáo, kiểm tra và tổng hợp báo cáo — không cần lập trình.",
  "This workbook defines a report form: the add-in and the bdg-report command line make the template, check and merge reports from it — no programming.",
  "",
  '1. Thông tin: mã biểu mẫu, phiên bản, tên báo cáo, năm, đơn vị tổng hợp, hạn gửi. Đổi năm: sửa Năm báo cáo và Hạn gửi (hoặc dùng chức năng "Sao chép cho năm mới").',
  '2. Trường thông tin: các ô ở đầu báo cáo (đơn vị, năm, ngày báo cáo, người lập biểu, điện thoại, thủ trưởng). Trường "unit" là bắt buộc.',
  '3. Mục: các phần của báo cáo (I, II, III…). "Có cột tỷ lệ nữ": Có thì mẫu tính tỷ lệ nữ cho các chỉ tiêu tf của mục.',
  "4. Chỉ tiêu: mỗi dòng một chỉ tiêu. Loại: count = số đếm (số nguyên); amount = số tiền hoặc số thập phân (ghi Số chữ số thập phân); tf = có hai ô Tổng số và Nữ; text = nhận xét, đánh giá. Thêm chỉ tiêu: sao chép một dòng rồi sửa mã, tên.",
  "5. Giá trị tính: tỷ lệ nữ (percentFemale) hoặc tỷ số giới tính khi sinh (sexRatioAtBirth) của một chỉ tiêu tf.",
  '6. Quy tắc: quy tắc loại compare do cán bộ tự viết ở cột "Biểu thức / tham số", ví dụ  II.3.T + II.4.T <= II.2.T  (T: tổng số, F: nữ; chỉ tiêu một ô ghi mã, ví dụ IV.5 = IV.6 + IV.7). Phép so sánh: <=, <, =, >=, >. Mức độ: error (lỗi, phải sửa) hoặc warning (lưu ý). Thông báo: câu hiện cho đơn vị khi quy tắc không đúng.',
  "   Các loại khác giữ nguyên tham số như đã có (ví dụ part=II.3; whole=II.2).",
  '7. Đơn vị: danh sách đơn vị báo cáo — mã (chữ in hoa, số, dấu -), tên, nhóm (ví dụ "Xã, thị trấn", "Thôn", "Cơ quan"), các tên gọi khác cách nhau bởi dấu ;. Bảng tổng hợp có dòng cộng cho từng nhóm.',
  "",
  'Sau khi sửa: trong phần bổ trợ chọn Biểu mẫu → "Dùng biểu mẫu trong sổ này" (lỗi được đánh dấu ngay trên sổ), hoặc chạy  bdg-report form --form <tệp này>. Mỗi lỗi chỉ rõ trang, dòng, cột.',
  'After editing: in the add-in choose Form → "Use the form in this workbook" (problems are marked in place), or run  bdg-report form --form <this file>. Each problem names its sheet, row and column.',
];
