import CCurl
import CLibXML2
import Testing

/// The system-library targets resolve their headers and link (through pkg-config).
@Suite struct SystemLibrariesTests {
  @Test func libcurlLinksAndReportsItsVersion() throws {
    let info = try #require(curl_version_info(CURLVERSION_TENTH))
    let version = String(cString: info.pointee.version)
    #expect(version.split(separator: ".").count == 3)
    #expect(curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK)
    let handle = try #require(curl_easy_init())
    curl_easy_cleanup(handle)
  }

  @Test func libxml2ParsesADocument() throws {
    xmlCheckVersion(Int32(LIBXML_VERSION))
    let xml = "<root><item>caper</item></root>"
    let document = try #require(xmlReadMemory(xml, Int32(xml.utf8.count), "mem.xml", nil, 0))
    defer { xmlFreeDoc(document) }
    let root = try #require(xmlDocGetRootElement(document))
    #expect(String(cString: root.pointee.name) == "root")
  }
}
